package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** The email address belongs to another customer. Rolls the transaction back. */
public class EmailTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public EmailTakenException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "email-taken";
    }

    @Override
    public int status() {
        return 409;
    }
}
