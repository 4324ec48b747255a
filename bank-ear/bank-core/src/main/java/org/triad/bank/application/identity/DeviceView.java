package org.triad.bank.application.identity;

import java.io.Serializable;
import java.time.Instant;
import org.triad.bank.domain.model.identity.DeviceKind;

/**
 * One of the customer's devices as shown to the customer (REST {@code GET /api/v1/me/devices}, the Devices page).
 *
 * @param active  neither revoked nor expired
 * @param current the caller's own device session
 */
public record DeviceView(String handle, DeviceKind kind, String clientId, String userAgent, String ipAddress,
                         Instant createdAt, Instant lastSeenAt, Instant expiresAt, Instant revokedAt, boolean active,
                         boolean current) implements Serializable {
}
