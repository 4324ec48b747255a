/**
 * REST of the login methods: sign-in codes by email, TOTP enrolment, QR login (create, poll, confirm/reject,
 * consume), and the WeChat official account's callback ({@code /wechat/callback}, signed scan events).
 */
package org.triad.bank.interfaces.login.rest;
