package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** No such customer. Rolls the transaction back. */
public class CustomerNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CustomerNotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "customer-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
