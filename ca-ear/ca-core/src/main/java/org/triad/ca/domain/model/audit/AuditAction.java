package org.triad.ca.domain.model.audit;

/** What an audit record is about. */
public enum AuditAction {
    CA_CREATED,
    CERTIFICATE_ISSUED,
    CERTIFICATE_REJECTED,
    CERTIFICATE_RENEWED,
    KEY_GENERATED_FOR_CLIENT,
    CERTIFICATE_REVOKED,
    CERTIFICATE_VERIFIED,
    CRL_PUBLISHED,
    LOGIN,
    ACCOUNT_CHANGED,
    CONFIGURATION_CHANGED,
    AUDIT_VERIFIED
}
