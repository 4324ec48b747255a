package org.triad.bank.domain.model.ledger;

import org.triad.common.domain.DomainException;

/**
 * Another request with the same idempotency key and the same content is still being worked on ({@code 409}, with
 * {@code Retry-After}, as Stripe answers {@code idempotency_key_in_use}). Nothing was done for this one; retrying
 * with the same key later gets the first request's result. Rolls the transaction back.
 */
public class IdempotencyKeyInUseException extends DomainException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyInUseException() {
        super("A request with this Idempotency-Key is still in progress; retry with the same key in a moment.");
    }

    @Override
    public String problemType() {
        return "idempotency-key-in-use";
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }
}
