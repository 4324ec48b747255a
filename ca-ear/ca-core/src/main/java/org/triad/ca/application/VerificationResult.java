package org.triad.ca.application;

import java.time.Instant;
import java.util.List;

/**
 * Whether a certificate is currently trustworthy by this CA, and why not.
 *
 * @param reasons stable codes: {@code not-issued-by-this-ca}, {@code not-yet-valid}, {@code expired},
 *                {@code revoked}, {@code unknown-serial}, {@code issuing-ca-expired}
 */
public record VerificationResult(boolean valid, List<String> reasons, String serial, String subject,
                                 Instant notAfter, boolean revoked, String revocationReason, Instant revokedAt) {
}
