package org.triad.bank.domain.model.card;

import org.triad.common.domain.DomainException;

/** A debit would take a card's balance below zero. Rolls the transaction back. */
public class InsufficientFundsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "insufficient-funds";
    }

    @Override
    public int status() {
        return 422;
    }
}
