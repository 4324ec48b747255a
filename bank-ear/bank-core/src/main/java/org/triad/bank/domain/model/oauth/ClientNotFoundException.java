package org.triad.bank.domain.model.oauth;

import org.triad.common.domain.DomainException;

/** No such app, or not one of the caller's. */
public class ClientNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ClientNotFoundException() {
        super("No such app.");
    }

    @Override
    public String problemType() {
        return "app-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
