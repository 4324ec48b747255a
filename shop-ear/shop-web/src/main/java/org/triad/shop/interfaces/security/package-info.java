/**
 * Who is calling the shop. {@link org.triad.shop.interfaces.security.ShopAuthenticationMechanism}: the browser
 * session of a "sign in with the bank" (OpenID Connect, {@code BankSignInServlet} and {@code BankCallbackServlet}) or
 * a local account, ended by the bank's revocation list or its back-channel logout
 * ({@code BackchannelLogoutServlet}); bearer access tokens of the bank for the REST API ({@code BankAccessTokens}).
 */
package org.triad.shop.interfaces.security;
