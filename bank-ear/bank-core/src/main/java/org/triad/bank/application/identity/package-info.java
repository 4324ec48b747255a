/**
 * Tokens and devices (issue 5), the contract the other identity parts build on:
 * <ul>
 *   <li>{@link org.triad.bank.application.identity.DeviceSessions}: every sign-in is a device session (portal, API,
 *       OAuth), listed and revoked by its random handle; revocation reaches every resource server through the
 *       cluster-wide revocation list;</li>
 *   <li>{@link org.triad.bank.application.identity.TokenService}: access tokens (ES256 JWTs, 15 minutes) and
 *       rotating refresh tokens (opaque, 7 days, stored hashed, grace window for concurrent refreshes);</li>
 *   <li>{@link org.triad.bank.application.identity.SigningKeys}: the bank's signing keys and their JWKS;</li>
 *   <li>{@link org.triad.bank.application.identity.BankAccessTokens}: validation of the bank's own tokens;</li>
 *   <li>{@link org.triad.bank.application.identity.SignIn}: first-party sign-in (password now, more methods later).</li>
 * </ul>
 */
package org.triad.bank.application.identity;
