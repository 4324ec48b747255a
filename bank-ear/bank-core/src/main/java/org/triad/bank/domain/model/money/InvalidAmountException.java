package org.triad.bank.domain.model.money;

import org.triad.common.domain.DomainException;

/** An amount that is missing, not positive, too large or has more than two decimals. Rolls the transaction back. */
public class InvalidAmountException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidAmountException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-amount";
    }

    @Override
    public int status() {
        return 422;
    }
}
