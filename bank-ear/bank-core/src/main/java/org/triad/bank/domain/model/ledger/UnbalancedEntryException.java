package org.triad.bank.domain.model.ledger;

/** A programming error: an entry whose postings do not sum to zero must never be stored. */
public class UnbalancedEntryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
