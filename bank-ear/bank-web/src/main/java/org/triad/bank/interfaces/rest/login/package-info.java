/**
 * REST of the login methods (issue 5): sign-in codes by email, TOTP enrolment of the signed-in customer, and QR
 * login (create, poll, confirm/reject from a signed-in device, consume by the creating client).
 */
package org.triad.bank.interfaces.rest.login;
