/**
 * The platform's resource-server library, used by the bank and the shop alike: {@link
 * org.triad.common.security.AccessTokenValidator} validates the bank's access tokens (ES256 JWTs, keys from the
 * bank's JWKS with caching and rotation, {@code iss}, {@code aud}, {@code exp}/{@code nbf}) and refuses tokens of
 * revoked device sessions through the cluster-wide {@link org.triad.common.security.RevocationList}.
 */
package org.triad.common.security;
