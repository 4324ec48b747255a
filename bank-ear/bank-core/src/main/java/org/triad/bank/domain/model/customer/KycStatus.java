package org.triad.bank.domain.model.customer;

/** Know-your-customer review by a clerk; only APPROVED customers may open cards. */
public enum KycStatus {
    UNREVIEWED, APPROVED, REJECTED
}
