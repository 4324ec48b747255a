/**
 * The outbox: what the bank has committed to send to the outside world after a transaction (merchant notifications,
 * e-mails, back-channel logout tokens), each with its delivery attempts. A message is born {@code PENDING} in the
 * transaction of the change it reports, is {@code DELIVERED} after the first successful attempt and {@code DEAD}
 * after the last attempt of its retry schedule failed; a clerk may resend it within 30 days of its creation.
 */
package org.triad.bank.domain.model.outbox;
