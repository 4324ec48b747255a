/**
 * Screens and small servlets of the login methods (issue 5): QR code images (no caching, only for the browser or
 * customer they belong to) and the short {@code /qr/<scene>} URL a phone opens.
 */
package org.triad.bank.interfaces.web.login;
