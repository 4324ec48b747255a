package org.triad.bank.domain.model.oauth;

import org.triad.common.domain.DomainException;

/** An app registration that breaks a rule (missing name, redirect URI not absolute, icon too big...). */
public class InvalidClientInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidClientInputException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-app";
    }

    @Override
    public int status() {
        return 400;
    }
}
