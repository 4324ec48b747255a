package org.triad.ca.domain.model.audit;

public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
