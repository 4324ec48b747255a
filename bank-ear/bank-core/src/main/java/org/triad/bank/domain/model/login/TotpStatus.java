package org.triad.bank.domain.model.login;

/** A TOTP enrolment is pending until the customer confirms it with a first code, then active. */
public enum TotpStatus {
    PENDING, ACTIVE
}
