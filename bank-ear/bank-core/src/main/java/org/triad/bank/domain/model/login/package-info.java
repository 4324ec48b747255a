/**
 * Login methods beyond the password (issue 5): TOTP enrolments with single-use recovery codes, QR login scenes
 * confirmed from a signed-in phone, and WeChat official-account bindings (openid to customer).
 */
package org.triad.bank.domain.model.login;
