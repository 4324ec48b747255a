package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** A request to the CA is incomplete or malformed. Rolls the transaction back. */
public class InvalidCertificateRequestException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateRequestException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-request";
    }

    @Override
    public int status() {
        return 400;
    }
}
