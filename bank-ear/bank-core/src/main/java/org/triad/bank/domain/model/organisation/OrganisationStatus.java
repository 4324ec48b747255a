package org.triad.bank.domain.model.organisation;

public enum OrganisationStatus {
    PENDING, APPROVED, REJECTED
}
