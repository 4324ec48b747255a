package org.triad.ca.domain.model.certificate;

import java.time.Instant;

/**
 * Filters of a certificate search; null means "any".
 *
 * @param commonName       substring of the common name, case-insensitive
 * @param status           ISSUED, REVOKED or EXPIRED (derived from notAfter)
 * @param expiringBefore   only unrevoked certificates valid now whose notAfter is before this
 * @param now              the instant "expired" and "expiring" are judged at
 */
public record CertificateQuery(String commonName, String status, Instant expiringBefore, String profile, Instant now) {
}
