package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** The customer has not been approved by a clerk yet. Rolls the transaction back. */
public class KycRequiredException extends DomainException {

    private static final long serialVersionUID = 1L;

    public KycRequiredException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "kyc-required";
    }

    @Override
    public int status() {
        return 403;
    }
}
