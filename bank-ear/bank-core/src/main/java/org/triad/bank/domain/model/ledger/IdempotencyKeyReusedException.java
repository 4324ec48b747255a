package org.triad.bank.domain.model.ledger;

import org.triad.common.domain.DomainException;

/** The idempotency key was already used by this customer for a different request. Rolls the transaction back. */
public class IdempotencyKeyReusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "idempotency-key-reused";
    }

    @Override
    public int status() {
        return 422;
    }
}
