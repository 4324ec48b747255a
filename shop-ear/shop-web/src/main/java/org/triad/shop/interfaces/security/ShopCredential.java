package org.triad.shop.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** The sign-in the callback or the local sign-in form has just established, handed to the mechanism. */
public record ShopCredential(SignedIn signedIn) implements Credential {
}
