package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** The requested certificate profile does not exist. Rolls the transaction back. */
public class UnknownProfileException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownProfileException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "unknown-profile";
    }

    @Override
    public int status() {
        return 400;
    }
}
