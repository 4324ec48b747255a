package org.triad.bank.domain.model.login;

import org.triad.common.domain.RuleException;

/**
 * A passkey was refused: a registration or sign-in response that does not verify, an unknown credential, a
 * duplicate, too many passkeys, another customer's passkey. Carries its problem type and status. Rolls the
 * transaction back.
 */
public class PasskeyException extends RuleException {

    private static final long serialVersionUID = 1L;

    public PasskeyException(String problemType, int status, String message) {
        super(problemType, status, message);
    }

    /** A sign-in response that does not verify, or names no known passkey (401, the same answer for both). */
    public static PasskeyException rejected() {
        return new PasskeyException("passkey-rejected", 401, "The passkey was not accepted.");
    }
}
