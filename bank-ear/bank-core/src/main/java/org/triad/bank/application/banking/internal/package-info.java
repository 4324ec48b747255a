/**
 * The transactional worker of banking: {@code Ledger} locks the cards of a movement, replays a repeated
 * idempotency key under that lock and writes one balanced journal entry, all in one JTA transaction. Only the
 * services of {@code application.banking} (and, later, payments) call it.
 */
package org.triad.bank.application.banking.internal;
