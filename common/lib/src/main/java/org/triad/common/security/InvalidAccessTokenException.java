package org.triad.common.security;

/**
 * The presented access token is not acceptable: malformed, wrong algorithm or signature, unknown key, wrong issuer
 * or audience, expired, not yet valid, or its device session was revoked. Resource servers answer {@code 401} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"}. The message says why, without echoing the token.
 */
public class InvalidAccessTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidAccessTokenException(String message) {
        super(message);
    }

    public InvalidAccessTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
