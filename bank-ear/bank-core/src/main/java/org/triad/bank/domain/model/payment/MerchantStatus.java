package org.triad.bank.domain.model.payment;

/** A merchant profile waits for a clerk's check before its app may create payments. */
public enum MerchantStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED
}
