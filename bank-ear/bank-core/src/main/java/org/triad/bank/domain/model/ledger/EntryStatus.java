package org.triad.bank.domain.model.ledger;

/**
 * Entries are written only when the money has moved, in the same transaction; a failed movement leaves no entry.
 * Later (asynchronous payments) may add PENDING and REVERSED.
 */
public enum EntryStatus {
    COMPLETED
}
