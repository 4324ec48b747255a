/**
 * Login methods and MFA (issue 5): one-time codes by email as a sign-in, TOTP authenticators with recovery codes as
 * the second step, QR login confirmed from a signed-in phone, and the WeChat official-account sign-in. Each service
 * is a transaction; checks that must be counted even when the sign-in fails answer outcomes, not exceptions.
 */
package org.triad.bank.application.login;
