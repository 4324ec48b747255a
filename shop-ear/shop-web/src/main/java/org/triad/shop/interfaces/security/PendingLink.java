package org.triad.shop.interfaces.security;

import java.io.Serializable;
import org.triad.shop.infrastructure.bank.BankOidc;

/**
 * A bank sign-in waiting for the person to prove the password of the local account with the same e-mail (or to keep
 * the two apart); kept in the HTTP session for the link page.
 */
public record PendingLink(String localLogin, BankOidc.BankTokens tokens, String next) implements Serializable {

    public static final String ATTRIBUTE = PendingLink.class.getName();
}
