package org.triad.bank.domain.model.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * What one delivery attempt found out: the answer's status (HTTP; 250 for a mail the SMTP server accepted) or an
 * error (no connection, timeout, refused TLS peer, no signing key). Success is a 2xx status without an error.
 */
public record DeliveryResult(Instant startedAt, Duration duration, Integer status, String error) {

    public static DeliveryResult answered(Instant startedAt, int status) {
        return new DeliveryResult(startedAt, Duration.between(startedAt, Instant.now()), status,
                status / 100 == 2 ? null : "HTTP " + status);
    }

    public static DeliveryResult failed(Instant startedAt, String error) {
        return new DeliveryResult(startedAt, Duration.between(startedAt, Instant.now()), null, error);
    }

    public boolean succeeded() {
        return error == null && status != null && status / 100 == 2;
    }
}
