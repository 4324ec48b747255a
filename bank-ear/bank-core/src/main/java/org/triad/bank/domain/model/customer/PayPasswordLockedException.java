package org.triad.bank.domain.model.customer;

import org.triad.common.domain.DomainException;

/** Too many wrong pay passwords: payments are blocked for a while. Rolls the transaction back. */
public class PayPasswordLockedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PayPasswordLockedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "pay-password-locked";
    }

    @Override
    public int status() {
        return 423;
    }
}
