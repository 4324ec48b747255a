package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** No login session with this id belongs to the caller. Rolls the transaction back. */
public class SessionNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SessionNotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "session-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
