package org.triad.bank.domain.model.ledger;

import org.triad.common.domain.DomainException;

/** A money-moving request came without an idempotency key. Rolls the transaction back. */
public class IdempotencyKeyMissingException extends DomainException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyMissingException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "idempotency-key-missing";
    }

    @Override
    public int status() {
        return 400;
    }
}
