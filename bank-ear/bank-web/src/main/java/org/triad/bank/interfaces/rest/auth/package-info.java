/**
 * First-party tokens and devices over REST: {@code /api/v1/auth/login|refresh|logout} and
 * {@code /api/v1/me/devices}, and the bank's JWKS at {@code /oauth2/jwks}.
 */
package org.triad.bank.interfaces.rest.auth;
