package org.triad.bank.domain.model.shared;

import org.triad.common.domain.DomainException;

/** The operation does not fit the current state (already active, already reviewed, ...). Rolls the transaction back. */
public class InvalidStateException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-state";
    }

    @Override
    public int status() {
        return 409;
    }
}
