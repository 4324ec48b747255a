/**
 * Sign-in for the bank's web module (Jakarta Security): {@link
 * org.triad.bank.interfaces.security.BankAuthenticationMechanism} reads HTTP Basic credentials (over TLS) or a
 * session token ({@code Authorization: Bearer}), {@link org.triad.bank.interfaces.security.CustomerIdentityStore}
 * checks them against the customer table through the application layer. The caller principal's name is the
 * customer id. Further mechanisms (form login for the portal, OIDC tokens, MFA) are added next to these.
 */
package org.triad.bank.interfaces.security;
