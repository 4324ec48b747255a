package org.triad.bank.application.identity;

import java.io.Serializable;
import java.time.Instant;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.identity.DeviceKind;

/**
 * A snapshot of a device session (detached from the database).
 *
 * @param id         internal id (never shown to clients; for {@link DeviceSessions#revokeSession(long, String)})
 * @param handle     the public, random handle ({@code sid} of access tokens)
 * @param clientId   the OAuth client, {@code null} for first-party sessions
 * @param revokedAt  {@code null} while not revoked
 */
public record DeviceSession(long id, String handle, long customerId, DeviceKind kind, String clientId,
                            String userAgent, String ipAddress, Instant createdAt, Instant lastSeenAt,
                            Instant expiresAt, Instant revokedAt) implements Serializable {

    static DeviceSession of(LoginSession s) {
        return new DeviceSession(s.id(), s.handle(), s.customerId(), s.kind(), s.clientId(), s.userAgent(),
                s.ipAddress(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.revokedAt());
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
