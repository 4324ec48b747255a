package org.triad.bank.application.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.domain.model.identity.InvalidGrantException;
import org.triad.bank.domain.model.identity.RefreshToken;
import org.triad.bank.domain.model.identity.RefreshTokenRepository;
import org.triad.bank.domain.model.identity.RefreshTokenReusedException;

/**
 * Access and refresh tokens.
 *
 * <p><b>Access token</b>: a JWT signed by {@link SigningKeys} (ES256, header {@code kid}, {@code typ: at+jwt}),
 * valid 15 minutes, with exactly the claims {@code iss} (the issuer), {@code sub} (the customer id as a decimal
 * string; the {@code client_id} for client credentials), {@code aud}, {@code exp}, {@code iat}, {@code nbf},
 * {@code jti}, {@code sid} (the device session's handle; absent for client credentials), {@code scope} (space
 * separated), {@code roles} (the customer's groups: {@code customer}, {@code clerk}, {@code admin}) and
 * {@code client_id}.
 *
 * <p><b>Refresh token</b>: 256 random bits (base64url), valid 7 days, stored as SHA-256, bound to the device session,
 * the client, the scopes and the audiences. {@link #refresh} rotates it. Concurrent refreshes with the same token are
 * serialised by a row lock; within {@code triad.bank.refresh-grace-seconds} (default 30) of the first one they all
 * get the same successor pair, which is kept encrypted under a key derived from the old token (only a holder of the
 * old token can read it back). A rotated token presented after the window is taken for stolen: the whole device
 * session is revoked ({@link RefreshTokenReusedException}).
 */
@Stateless
public class TokenService {

    /** {@code typ} header of access tokens (RFC 9068). */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    @Inject
    LoginSessionRepository sessions;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    CustomerRepository customers;

    @Inject
    IdentitySettings settings;

    @EJB
    SigningKeys signingKeys;

    @EJB
    DeviceSessions devices;

    /**
     * Issues an access token and a refresh token for an active device session.
     *
     * @param clientId the client the tokens are for (the first-party client id for the bank's own clients)
     * @param scopes   granted scopes (already checked by the caller)
     * @param audience the access token's {@code aud}
     * @throws InvalidGrantException if the session has ended or the customer may not sign in (locked, not active)
     */
    public TokenPair issue(DeviceSession session, String clientId, Set<String> scopes, String audience) {
        return issue(session, clientId, scopes, Set.of(audience));
    }

    /** As {@link #issue(DeviceSession, String, Set, String)} with several audiences. */
    public TokenPair issue(DeviceSession session, String clientId, Set<String> scopes, Set<String> audiences) {
        if (audiences == null || audiences.isEmpty() || clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client id and at least one audience are required");
        }
        Instant now = now();
        LoginSession s = sessions.find(session.id()).filter(found -> found.isActiveAt(now))
                .orElseThrow(() -> new InvalidGrantException("The device session has ended."));
        Customer customer = signInAllowed(s.customerId(), now);
        return mint(s, customer, clientId, scopes == null ? Set.of() : scopes, audiences, now);
    }

    /**
     * Rotates a refresh token.
     *
     * @param clientId the client presenting it; must be the one it was issued to
     * @return the successor pair (the same one for every call within the grace window)
     * @throws RefreshTokenReusedException if it was rotated longer than the grace window ago: its device session
     *                                     is revoked (committed)
     * @throws InvalidGrantException       if it is unknown, expired, revoked, of another client, or its session
     *                                     ended; nothing changes
     */
    public TokenPair refresh(String refreshToken, String clientId) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw new InvalidGrantException("The refresh token is invalid.");
        }
        RefreshToken token = refreshTokens.findByHashForUpdate(Hashes.sha256Hex(refreshToken))
                .orElseThrow(() -> new InvalidGrantException("The refresh token is invalid."));
        if (!token.clientId().equals(clientId)) {
            throw new InvalidGrantException("The refresh token was issued to another client.");
        }
        Instant now = now();
        if (token.isRevoked() || token.isExpired(now)) {
            throw new InvalidGrantException("The refresh token has expired or was revoked.");
        }
        LoginSession s = sessions.find(token.sessionId()).filter(found -> found.isActiveAt(now))
                .orElseThrow(() -> new InvalidGrantException("The device session has ended."));
        if (token.isRotated()) {
            if (!now.isAfter(token.rotatedAt().plus(settings.refreshGrace()))) {
                return successor(refreshToken, token);
            }
            devices.revokeSession(s.id(), "refresh-token-reuse");
            throw new RefreshTokenReusedException(
                    "The refresh token was used before; the device session is signed out.");
        }
        Customer customer = signInAllowed(s.customerId(), now);
        TokenPair pair = mint(s, customer, token.clientId(), token.scopes(), token.audience(), now);
        token.rotated(now, encryptSuccessor(refreshToken, pair));
        return pair;
    }

    /**
     * Revokes a refresh token and with it its device session (RFC 7009: the access tokens of the grant are refused
     * too). An unknown token is ignored.
     *
     * @throws InvalidGrantException if it was issued to another client (nothing changes)
     */
    public void revokeRefreshToken(String refreshToken, String clientId) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return;
        }
        RefreshToken token = refreshTokens.findByHashForUpdate(Hashes.sha256Hex(refreshToken)).orElse(null);
        if (token == null) {
            return;
        }
        if (!token.clientId().equals(clientId)) {
            throw new InvalidGrantException("The refresh token was issued to another client.");
        }
        token.revoke(now());
        devices.revokeSession(token.sessionId(), "token-revoked");
    }

    /**
     * An access token for a client on its own behalf (client credentials): {@code sub} = {@code client_id}, no
     * {@code sid}, no roles, 15 minutes. Nothing is stored.
     */
    public String issueClientAccessToken(String clientId, Set<String> scopes, String audience) {
        return issueClientAccessToken(clientId, scopes, audience, null);
    }

    /**
     * The same, bound to a client certificate when {@code certificateThumbprint} is given: the claim
     * {@code cnf: {"x5t#S256": thumbprint}} of RFC 8705 §3, which resource servers compare with the certificate of
     * the connection the token arrives on.
     */
    public String issueClientAccessToken(String clientId, Set<String> scopes, String audience,
                                         String certificateThumbprint) {
        if (clientId == null || clientId.isBlank() || audience == null) {
            throw new IllegalArgumentException("client id and audience are required");
        }
        return accessToken(clientId, null, clientId, scopes == null ? Set.of() : scopes, Set.of(), Set.of(audience),
                now(), certificateThumbprint);
    }

    /** What introspection tells of a refresh token that is usable now. */
    public record RefreshGrant(long customerId, String clientId, Set<String> scopes, String sessionHandle,
                               Instant issuedAt, Instant expiresAt) {
    }

    /**
     * RFC 7662 for refresh tokens: the grant of a token the client could use now (not rotated, revoked or expired,
     * its device session active). A token of another client is reported as unknown, so introspection tells an app
     * nothing about other apps' users. Changes nothing.
     */
    public java.util.Optional<RefreshGrant> inspectRefreshToken(String refreshToken, String clientId) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200 || clientId == null) {
            return java.util.Optional.empty();
        }
        Instant now = now();
        return refreshTokens.findByHash(Hashes.sha256Hex(refreshToken))
                .filter(t -> t.clientId().equals(clientId))
                // a rotated token still inside the grace window still refreshes (to the same successor), so it is
                // active here too: introspection and the token endpoint agree
                .filter(t -> !t.isRevoked() && !t.isExpired(now)
                        && (!t.isRotated() || !now.isAfter(t.rotatedAt().plus(settings.refreshGrace()))))
                .flatMap(t -> sessions.find(t.sessionId()).filter(s -> s.isActiveAt(now))
                        .map(s -> new RefreshGrant(t.customerId(), t.clientId(), t.scopes(), s.handle(),
                                t.createdAt(), t.expiresAt())));
    }

    /** The device session handle a refresh token belongs to, if the token is known (for logout). */
    public java.util.Optional<String> sessionHandleOf(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return java.util.Optional.empty();
        }
        return refreshTokens.findByHashForUpdate(Hashes.sha256Hex(refreshToken))
                .flatMap(t -> sessions.find(t.sessionId())).map(LoginSession::handle);
    }

    // --- internals ----------------------------------------------------------------------------------------------

    private static Instant now() {
        // seconds: JWT times are seconds, and MariaDB's driver drops fractions of DATETIME(6) values
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Customer signInAllowed(long customerId, Instant now) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new InvalidGrantException("The account no longer exists."));
        // the password lockout does not stop an app's refresh: strangers who know the e-mail address can cause it
        // (issue 18 Medium 6); a blocked or closed account (status) does
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw new InvalidGrantException("The account is not active.");
        }
        return customer;
    }

    private TokenPair mint(LoginSession s, Customer customer, String clientId, Set<String> scopes,
                           Set<String> audiences, Instant now) {
        String access = accessToken(String.valueOf(customer.id()), s.handle(), clientId, scopes,
                Authentication.groupsOf(customer), audiences, now, null);
        String raw = Hashes.randomToken();
        Instant refreshExpires = now.plus(IdentitySettings.REFRESH_TOKEN_LIFETIME);
        refreshTokens.add(new RefreshToken(Hashes.sha256Hex(raw), s.id(), customer.id(), clientId, scopes, audiences,
                now, refreshExpires));
        s.seen(now);
        if (s.kind() != DeviceKind.PORTAL) {
            s.extendTo(refreshExpires);
        }
        return new TokenPair(access, now.plus(IdentitySettings.ACCESS_TOKEN_LIFETIME), raw, refreshExpires,
                Set.copyOf(scopes), s.handle());
    }

    private String accessToken(String subject, String sid, String clientId, Set<String> scopes, Set<String> roles,
                               Set<String> audiences, Instant now, String certificateThumbprint) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject)
                .audience(List.copyOf(new TreeSet<>(audiences)))
                .expirationTime(Date.from(now.plus(IdentitySettings.ACCESS_TOKEN_LIFETIME)))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .jwtID(Hashes.randomToken())
                .claim("scope", String.join(" ", new TreeSet<>(scopes)))
                .claim("roles", List.copyOf(new TreeSet<>(roles)))
                .claim("client_id", clientId);
        if (sid != null) {
            claims.claim("sid", sid);
        }
        if (certificateThumbprint != null) {
            claims.claim(BankAccessTokens.CONFIRMATION, java.util.Map.of(BankAccessTokens.X5T_S256, certificateThumbprint));
        }
        return signingKeys.sign(claims.build(), ACCESS_TOKEN_TYPE);
    }

    // The successor pair, readable only with the old raw token: AES-256-GCM under SHA-256("successor" | token).

    private static String encryptSuccessor(String oldToken, TokenPair pair) {
        String plain = String.join("\n", pair.accessToken(), String.valueOf(pair.accessExpiresAt().getEpochSecond()),
                pair.refreshToken(), String.valueOf(pair.refreshExpiresAt().getEpochSecond()),
                String.join(" ", new TreeSet<>(pair.scopes())), pair.sessionHandle());
        try {
            byte[] iv = new byte[12];
            Hashes.random().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, successorKey(oldToken), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the successor tokens", e);
        }
    }

    private static TokenPair successor(String oldToken, RefreshToken token) {
        String sealed = token.successorEncrypted();
        try {
            String[] parts = sealed.split("\\.");
            Base64.Decoder d64 = Base64.getUrlDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, successorKey(oldToken), new GCMParameterSpec(128, d64.decode(parts[0])));
            String[] f = new String(cipher.doFinal(d64.decode(parts[1])), StandardCharsets.UTF_8).split("\n", -1);
            Set<String> scopes = f[4].isEmpty() ? Set.of() : Set.of(f[4].split(" "));
            return new TokenPair(f[0], Instant.ofEpochSecond(Long.parseLong(f[1])), f[2],
                    Instant.ofEpochSecond(Long.parseLong(f[3])), scopes, f[5]);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidGrantException("The refresh token is invalid.");
        }
    }

    private static SecretKeySpec successorKey(String oldToken) throws GeneralSecurityException {
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("triad-refresh-successor\n" + oldToken).getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(key, "AES");
    }
}
