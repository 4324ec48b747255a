/**
 * First-party tokens and devices over REST: {@code /api/v1/auth/login|refresh|logout}, {@code /api/v1/me/devices},
 * sessions with HTTP Basic, and the bank's JWKS at {@code /oauth2/jwks}.
 */
package org.triad.bank.interfaces.identity.rest;
