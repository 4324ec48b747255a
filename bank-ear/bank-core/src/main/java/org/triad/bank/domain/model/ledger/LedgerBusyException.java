package org.triad.bank.domain.model.ledger;

import org.triad.common.domain.DomainException;

/**
 * The movement kept colliding with concurrent ones (lock timeouts) even after retries; nothing was moved and the
 * client may retry with the same idempotency key. Rolls the transaction back.
 */
public class LedgerBusyException extends DomainException {

    private static final long serialVersionUID = 1L;

    public LedgerBusyException() {
        super("The bank is busy; nothing was moved. Retry with the same Idempotency-Key.");
    }

    @Override
    public String problemType() {
        return "ledger-busy";
    }

    @Override
    public int status() {
        return 503;
    }
}
