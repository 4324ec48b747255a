package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** No certificate with that serial (or name) was issued by this CA. Rolls the transaction back. */
public class CertificateNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CertificateNotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "certificate-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
