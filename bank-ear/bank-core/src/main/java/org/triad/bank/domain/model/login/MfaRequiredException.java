package org.triad.bank.domain.model.login;

import org.triad.common.domain.DomainException;

/** The password (or email code) was right, but the customer has a TOTP authenticator and gave no code. */
public class MfaRequiredException extends DomainException {

    private static final long serialVersionUID = 1L;

    public MfaRequiredException() {
        super("A code from the authenticator app (or a recovery code) is required.");
    }

    @Override
    public String problemType() {
        return "mfa-required";
    }

    @Override
    public int status() {
        return 401;
    }
}
