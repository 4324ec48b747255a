package org.triad.bank.domain.model.customer;

/** A customer is UNVERIFIED until the activation code from the registration mail is entered. */
public enum CustomerStatus {
    UNVERIFIED, ACTIVE
}
