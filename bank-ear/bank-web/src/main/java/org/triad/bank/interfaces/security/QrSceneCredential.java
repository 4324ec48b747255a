package org.triad.bank.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A QR login scene confirmed on a phone. The scene's browser secret is not part of the credential: the mechanism
 * takes it from this HTTP session, so only the browser that created the scene can use it.
 */
public record QrSceneCredential(String sceneId) implements Credential {
}
