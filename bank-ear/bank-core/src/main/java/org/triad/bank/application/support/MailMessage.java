package org.triad.bank.application.support;

/**
 * A mail to send once the transaction that asked for it has committed (fired as a CDI event, observed after
 * success by the SMTP adapter): a rolled-back registration sends no code.
 */
public record MailMessage(String to, String subject, String body) {
}
