package org.triad.bank.domain.model.identity;

import org.triad.common.domain.DomainException;

/**
 * A refresh token (or another grant) is unknown, expired, revoked, issued to another client, or its device session
 * has ended. Nothing changed (the transaction rolls back). The OAuth endpoints answer RFC 6749 {@code invalid_grant};
 * the first-party API answers {@code 401 invalid-grant}.
 */
public class InvalidGrantException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidGrantException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-grant";
    }

    @Override
    public int status() {
        return 401;
    }
}
