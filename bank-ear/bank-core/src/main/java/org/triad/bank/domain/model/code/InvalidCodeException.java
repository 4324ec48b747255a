package org.triad.bank.domain.model.code;

import org.triad.common.domain.DomainException;

/** A one-time code that is wrong, expired, already used, exhausted or was never requested. Rolls the transaction back. */
public class InvalidCodeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidCodeException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-code";
    }

    @Override
    public int status() {
        return 422;
    }
}
