package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/**
 * The request names one of the platform's own names ({@code triad.ca.policy.reserved-names}),
 * which only the provisioning account and CA administrators may obtain. Rolls the transaction back.
 */
public class ReservedNameException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ReservedNameException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "reserved-name";
    }

    @Override
    public int status() {
        return 403;
    }
}
