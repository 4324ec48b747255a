package org.triad.bank.domain.model.ledger;

/** What a journal entry records; PAYMENT and REFUND come with the payments issue. */
public enum EntryType {
    DEPOSIT, WITHDRAWAL, TRANSFER, PAYMENT, REFUND
}
