package org.triad.bank.domain.model.ledger;

/** Accounts a posting can belong to: a customer's card, or one of the bank's own accounts. */
public enum LedgerAccount {
    /** A customer's card; the posting names the card. */
    CARD,
    /** The bank's cash: the other side of deposits (negative) and withdrawals (positive). */
    BANK_CASH
}
