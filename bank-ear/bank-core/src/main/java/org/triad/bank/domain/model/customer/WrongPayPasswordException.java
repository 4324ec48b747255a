package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** The pay password does not match. Rolls the transaction back. */
public class WrongPayPasswordException extends DomainException {

    private static final long serialVersionUID = 1L;

    public WrongPayPasswordException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "wrong-pay-password";
    }

    @Override
    public int status() {
        return 422;
    }
}
