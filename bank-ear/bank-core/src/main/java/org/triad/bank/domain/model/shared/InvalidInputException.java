package org.triad.bank.domain.model.shared;

import org.triad.common.domain.DomainException;

/** Input that breaks a rule of its own (password length, pay password format, missing field). Rolls the transaction back. */
public class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-input";
    }

    @Override
    public int status() {
        return 400;
    }
}
