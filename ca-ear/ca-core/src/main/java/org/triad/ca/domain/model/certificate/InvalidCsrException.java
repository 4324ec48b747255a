package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** The certificate signing request is not a well-formed, correctly self-signed PKCS#10 request. Rolls the transaction back. */
public class InvalidCsrException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidCsrException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-csr";
    }

    @Override
    public int status() {
        return 400;
    }
}
