package org.triad.common.notify;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A verified notification: the event's {@code id} (drop duplicates by it), {@code type} ({@code payment.paid},
 * {@code payment.expired}, {@code payment.cancelled}, {@code refund.succeeded}), {@code created}, the per-payment
 * {@code sequence} (ignore an event whose sequence is not above the last one applied), the {@code payment} object
 * as JSON text, the whole body as received, and who signed it when.
 */
public record Notification(String id, String type, Instant created, long sequence, String paymentJson,
                           String body, X509Certificate signer, Instant signedAt) {
}
