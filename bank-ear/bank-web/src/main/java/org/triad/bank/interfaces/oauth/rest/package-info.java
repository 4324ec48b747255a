/**
 * The OAuth 2.0 / OpenID Connect endpoints of the bank (servlets outside {@code /api}, under the issuer
 * {@code triad.bank.issuer}): discovery, authorize, token, userinfo, revoke, introspect, end-session, app icons.
 * Requests and responses are parsed and built with the Nimbus OAuth 2.0 SDK; errors follow RFC 6749 §4.1.2.1 and
 * §5.2 (not problem+json).
 */
package org.triad.bank.interfaces.oauth.rest;
