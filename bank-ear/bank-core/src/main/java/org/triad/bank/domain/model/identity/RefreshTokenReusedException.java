package org.triad.bank.domain.model.identity;

import jakarta.ejb.ApplicationException;

/**
 * A rotated refresh token was presented after the grace window: treated as theft, the whole device session was
 * revoked. Unlike its parent this one commits (the revocation must stand although the grant fails).
 */
@ApplicationException(rollback = false, inherited = true)
public class RefreshTokenReusedException extends InvalidGrantException {

    private static final long serialVersionUID = 1L;

    public RefreshTokenReusedException(String message) {
        super(message);
    }
}
