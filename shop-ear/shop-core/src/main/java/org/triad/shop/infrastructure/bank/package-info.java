/**
 * The shop's connections to the bank: the OpenID Connect client ("sign in with the bank": Nimbus OAuth 2.0 / OIDC
 * SDK messages, code flow with PKCE S256 and nonce, ID token and back-channel logout token validation against the
 * bank's JWKS), the cards API ({@code cards:read}) and the TLS probe; all over {@link org.triad.common.tls.TriadTls}.
 */
package org.triad.shop.infrastructure.bank;
