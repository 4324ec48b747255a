package org.triad.bank.application.support;

/**
 * A mail to send once the transaction that asked for it has committed: {@link Outbox#mail} writes it to the outbox in
 * that transaction, so a rolled-back registration sends no code and a committed one survives a restart.
 */
public record MailMessage(String to, String subject, String body) {
}
