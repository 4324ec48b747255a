package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** The request asks for names or a validity the profile does not allow. Rolls the transaction back. */
public class PolicyViolationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PolicyViolationException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "policy-violation";
    }

    @Override
    public int status() {
        return 400;
    }
}
