package org.triad.bank.interfaces.oauth.rest;

import java.io.Serializable;
import java.util.Set;

/**
 * A checked authorization request waiting for the customer (sign-in or consent). {@code implicit}: the legacy
 * {@code response_type=token} grant, answered in the fragment.
 */
public record PendingAuthorization(String id, long clientPk, String clientId, String redirectUri, boolean implicit,
                                   Set<String> scopes, String state, String nonce, String codeChallenge,
                                   String challengeMethod) implements Serializable {
}
