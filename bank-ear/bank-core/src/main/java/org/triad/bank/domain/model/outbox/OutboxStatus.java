package org.triad.bank.domain.model.outbox;

public enum OutboxStatus {
    /** Waiting for its next attempt (or being attempted under a lease right now). */
    PENDING,
    /** One attempt succeeded (a 2xx answer, an SMTP server that took the mail); never sent again by the relay. */
    DELIVERED,
    /** Every attempt of the retry schedule failed; only a clerk's resend tries it again. */
    DEAD
}
