package org.triad.bank.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A passkey sign-in: the browser's response (the {@code PublicKeyCredential} as JSON) and the challenge this HTTP
 * session was given for it (kept on the server, never taken from the request).
 */
public record PasskeyCredential(String responseJson, byte[] challenge) implements Credential {
}
