package org.triad.bank.domain.model.login;

import org.triad.common.domain.DomainException;

/**
 * A passkey was refused: a registration or sign-in response that does not verify, an unknown credential, a
 * duplicate, too many passkeys, another customer's passkey. Carries its problem type and status. Rolls the
 * transaction back.
 */
public class PasskeyException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String problemType;
    private final int status;

    public PasskeyException(String problemType, int status, String message) {
        super(message);
        this.problemType = problemType;
        this.status = status;
    }

    /** A sign-in response that does not verify, or names no known passkey (401, the same answer for both). */
    public static PasskeyException rejected() {
        return new PasskeyException("passkey-rejected", 401, "The passkey was not accepted.");
    }

    @Override
    public String problemType() {
        return problemType;
    }

    @Override
    public int status() {
        return status;
    }
}
