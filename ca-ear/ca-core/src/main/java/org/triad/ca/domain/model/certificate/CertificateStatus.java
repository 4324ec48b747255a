package org.triad.ca.domain.model.certificate;

/** Stored status; "expired" is derived from {@code notAfter}, never stored. */
public enum CertificateStatus {
    ISSUED,
    REVOKED
}
