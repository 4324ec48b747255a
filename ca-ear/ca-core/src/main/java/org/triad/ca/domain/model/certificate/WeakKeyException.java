package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** The request's public key is of a kind or size the CA does not certify. Rolls the transaction back. */
public class WeakKeyException extends DomainException {

    private static final long serialVersionUID = 1L;

    public WeakKeyException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "weak-key";
    }

    @Override
    public int status() {
        return 400;
    }
}
