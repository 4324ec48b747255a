package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/**
 * The caller is signed in but may not act on this certificate (for example renew or supersede a
 * certificate another account requested). Answered like a missing role: {@code 403 forbidden}.
 * Rolls the transaction back.
 */
public class CertificateAccessDeniedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CertificateAccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "forbidden";
    }

    @Override
    public int status() {
        return 403;
    }

    /** The same title as a 403 for a missing role, so that clients see one kind of refusal. */
    @Override
    public String title() {
        return "Forbidden";
    }
}
