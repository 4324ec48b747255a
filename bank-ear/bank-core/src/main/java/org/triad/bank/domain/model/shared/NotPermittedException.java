package org.triad.bank.domain.model.shared;

import org.triad.common.domain.DomainException;

/** The caller's role does not allow the operation. Rolls the transaction back. */
public class NotPermittedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "not-permitted";
    }

    @Override
    public int status() {
        return 403;
    }
}
