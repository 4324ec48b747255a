package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/**
 * The current login password given to change it is wrong. Thrown after the failure was counted in a transaction
 * of its own, so it rolls back nothing that matters.
 */
public class WrongPasswordException extends DomainException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "wrong-password";
    }

    @Override
    public int status() {
        return 422;
    }
}
