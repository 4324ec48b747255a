package org.triad.bank.application.identity;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.support.AfterCommit;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.domain.model.identity.DeviceNotFoundException;
import org.triad.bank.domain.model.identity.RefreshToken;
import org.triad.bank.domain.model.identity.RefreshTokenRepository;
import org.triad.bank.domain.model.identity.RevokedSession;
import org.triad.bank.domain.model.identity.RevokedSessionRepository;
import org.triad.common.security.RevocationList;

/**
 * Device sessions: every sign-in (portal browser, first-party API client, OAuth grant) opens one; the customer lists
 * them and signs them out by handle. Revoking a session ends it in the database, revokes its refresh tokens, records
 * its handle in {@code revoked_session} and — once the transaction has committed — in the cluster-wide
 * {@link RevocationList}, so every resource server refuses its unexpired access tokens at once.
 */
@Stateless
public class DeviceSessions {

    private static final Logger LOG = Logger.getLogger(DeviceSessions.class.getName());

    /** How long a revoked session's handle is listed: longer than its last access token can live. */
    static final Duration LISTED_FOR = IdentitySettings.ACCESS_TOKEN_LIFETIME.plusMinutes(1);

    @Inject
    LoginSessionRepository sessions;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    RevokedSessionRepository revoked;

    @Inject
    IdentitySettings settings;

    @Inject
    AuditLog audit;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<DeviceSessionEnded> ended;

    /** The data grid's list unless set otherwise (unit tests). */
    RevocationList revocations;

    /**
     * Opens a device session. Lifetime: API and OAuth sessions 7 days (moved on by every refresh), portal sessions
     * {@code triad.bank.portal-session-minutes} since last seen.
     *
     * @param kind      PORTAL, API or OAUTH
     * @param clientId  the OAuth client ({@code null} for first-party sessions)
     * @param userAgent shown to the customer; truncated to 500 characters
     * @param ipAddress the client's address
     */
    public DeviceSession open(long customerId, DeviceKind kind, String clientId, String userAgent, String ipAddress) {
        return DeviceSession.of(openEntity(customerId, kind, clientId, Hashes.sha256Hex(Hashes.randomToken()),
                userAgent, ipAddress));
    }

    /**
     * Opens a device session whose random token the client holds (portal browser sessions and the older
     * {@code POST /api/v1/sessions}); only the token's hash is stored.
     *
     * @return the session and the token, which is not stored anywhere else
     */
    public OpenedWithToken openWithToken(long customerId, DeviceKind kind, String userAgent, String ipAddress) {
        String token = Hashes.randomToken();
        LoginSession s = openEntity(customerId, kind, null, Hashes.sha256Hex(token), userAgent, ipAddress);
        return new OpenedWithToken(DeviceSession.of(s), token);
    }

    /** A session opened by {@link #openWithToken}: the token is for the client only. */
    public record OpenedWithToken(DeviceSession session, String token) {
    }

    private LoginSession openEntity(long customerId, DeviceKind kind, String clientId, String tokenHash,
                                    String userAgent, String ipAddress) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration lifetime = kind == DeviceKind.PORTAL ? settings.portalSessionLifetime()
                : IdentitySettings.REFRESH_TOKEN_LIFETIME;
        LoginSession s = new LoginSession(customerId, kind, clientId, tokenHash, userAgent, ipAddress, now,
                now.plus(lifetime));
        sessions.add(s);
        audit.record(customerId, "LOGIN", "session:" + s.id(),
                kind + (clientId == null ? "" : " client " + clientId) + " ip " + ipAddress);
        return s;
    }

    /**
     * The customer's device sessions, newest first, the one with {@code currentHandle} marked current.
     *
     * @param currentHandle the caller's own session handle, or {@code null}
     */
    public List<DeviceView> list(long customerId, String currentHandle) {
        Instant now = Instant.now();
        return sessions.findByCustomer(customerId).stream()
                .map(s -> new DeviceView(s.handle(), s.kind(), s.clientId(), s.userAgent(), s.ipAddress(),
                        s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.revokedAt(), s.isActiveAt(now),
                        s.handle() != null && s.handle().equals(currentHandle)))
                .toList();
    }

    /**
     * Signs out one of the customer's device sessions. Idempotent for the customer's own ended sessions.
     *
     * @throws DeviceNotFoundException if no session with this handle belongs to the customer (another customer's
     *                                 handle is answered exactly like a missing one, and nothing changes)
     */
    public void revoke(long customerId, String handle) {
        LoginSession s = handle == null ? null : sessions.findByHandle(handle)
                .filter(found -> found.customerId() == customerId).orElse(null);
        if (s == null) {
            throw new DeviceNotFoundException("No such device.");
        }
        if (s.isActive()) {
            end(s, "signed-out", Instant.now());
            audit.record(customerId, "SESSION_REVOKED", "session:" + s.id(), null);
        }
    }

    /**
     * Signs out every active device session of the customer except {@code keepHandle} (all if it is null).
     *
     * @return how many were signed out
     */
    public int revokeAllExcept(long customerId, String keepHandle) {
        int n = endAllExcept(customerId, keepHandle, "signed-out");
        if (n > 0) {
            audit.record(customerId, "SESSIONS_REVOKED", "customer:" + customerId, n + " sessions");
        }
        return n;
    }

    /**
     * Ends every active device session of a customer on the bank's order (lost phone, suspected takeover); the
     * caller audits the act with the clerk as actor.
     *
     * @return how many sessions were ended
     */
    public int revokeAllByBank(long customerId) {
        return endAllExcept(customerId, null, "signed-out-by-bank");
    }

    private int endAllExcept(long customerId, String keepHandle, String reason) {
        Instant now = Instant.now();
        int n = 0;
        for (LoginSession s : sessions.findByCustomer(customerId)) {
            if (s.isActive() && !s.handle().equals(keepHandle)) {
                end(s, reason, now);
                n++;
            }
        }
        return n;
    }

    /**
     * Ends a device session for an internal reason (theft detection: refresh token reuse, OAuth code reuse, ...).
     * Unknown ids and ended sessions are ignored.
     *
     * @param reason short, stored with the session (at most 64 characters)
     */
    public void revokeSession(long sessionId, String reason) {
        sessions.find(sessionId).filter(LoginSession::isActive).ifPresent(s -> {
            end(s, reason, Instant.now());
            audit.record(s.customerId(), "SESSION_REVOKED", "session:" + s.id(), reason);
        });
    }

    /** The session with this handle if it is neither revoked nor expired. */
    public Optional<DeviceSession> findActiveByHandle(String handle) {
        if (handle == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return sessions.findByHandle(handle).filter(s -> s.isActiveAt(now)).map(DeviceSession::of);
    }

    /** The session a portal or old-style API token belongs to, if it is neither revoked nor expired. */
    public Optional<DeviceSession> findActiveByToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return sessions.findByTokenHash(Hashes.sha256Hex(token)).filter(s -> s.isActiveAt(now))
                .map(DeviceSession::of);
    }

    /**
     * Records that the session was used now (and from where, if known): "last seen" on the Devices page. Portal
     * sessions slide their expiry by {@code triad.bank.portal-session-minutes}.
     *
     * @param ipAddress the current address, or {@code null} to keep the recorded one
     */
    public void touch(String handle, String ipAddress) {
        if (handle == null) {
            return;
        }
        sessions.findByHandle(handle).filter(LoginSession::isActive).ifPresent(s -> touch(s, Instant.now()));
    }

    /** Last seen now; portal sessions slide, API/OAuth ones last 7 days from now. */
    private void touch(LoginSession s, Instant now) {
        s.seen(now);
        Duration lifetime = s.kind() == DeviceKind.PORTAL ? settings.portalSessionLifetime()
                : IdentitySettings.REFRESH_TOKEN_LIFETIME;
        s.extendTo(now.truncatedTo(ChronoUnit.SECONDS).plus(lifetime));
    }

    private void end(LoginSession s, String reason, Instant now) {
        s.revoke(now, reason);
        for (RefreshToken t : refreshTokens.findBySession(s.id())) {
            t.revoke(now);
        }
        Instant until = now.plus(LISTED_FOR).truncatedTo(ChronoUnit.SECONDS);
        if (revoked.find(s.handle()).isEmpty()) {
            revoked.add(new RevokedSession(s.handle(), s.id(), now, until, reason));
        }
        publishAfterCommit(s.handle(), until);
        if (ended != null && s.kind() == DeviceKind.OAUTH && s.clientId() != null) {
            ended.fire(new DeviceSessionEnded(s.customerId(), s.clientId(), s.handle(), reason));
        }
    }

    private void publishAfterCommit(String handle, Instant until) {
        Runnable publish = () -> {
            try {
                (revocations != null ? revocations : RevocationList.shared()).revoke(handle, until);
            } catch (RuntimeException e) {
                // the database has it; the next start-up copies it to the grid again
                LOG.log(Level.SEVERE, "Could not list a revoked device session in the data grid", e);
            }
        };
        AfterCommit.run(transactions, publish);
    }
}
