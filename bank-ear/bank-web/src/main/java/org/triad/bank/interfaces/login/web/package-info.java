/**
 * Screens of the login methods: sign-in (password, email code, QR, passkey), the security page (password, TOTP,
 * passkeys), QR confirmation, and the small servlets for QR images (no caching, only for the browser or customer
 * they belong to) and the short {@code /qr/<scene>} URL a phone opens.
 */
package org.triad.bank.interfaces.login.web;
