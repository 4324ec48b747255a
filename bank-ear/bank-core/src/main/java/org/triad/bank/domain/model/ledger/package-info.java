/**
 * The double-entry ledger. Every movement of money is one {@link org.triad.bank.domain.model.ledger.JournalEntry}
 * with at least two {@link org.triad.bank.domain.model.ledger.Posting}s whose amounts sum to zero; a posting
 * belongs to a card or to an internal account of the bank (cash for deposits and withdrawals).
 *
 * <p>The ledger's guarantees (kept by these classes, {@code application.banking.internal.Ledger} and the schema):
 * <ol>
 * <li><b>Balanced</b>: an entry cannot be closed unless its postings sum to zero
 * ({@code JournalEntry.close}).</li>
 * <li><b>Atomic</b>: an entry, its postings and every balance it changes are written in one JTA transaction; a
 * failure anywhere leaves none of them.</li>
 * <li><b>Exact</b>: amounts are {@code Money} (BigDecimal, scale 2, CNY); nothing is rounded.</li>
 * <li><b>Never negative</b>: {@code Card.debit} refuses to overdraw, and a database check keeps every card
 * balance at or above zero.</li>
 * <li><b>Serialised per card</b>: the cards of a movement are locked (pessimistic write) in ascending id order
 * before any balance is read for change, so concurrent movements on one card queue and cannot deadlock each
 * other; a lock conflict the database reports anyway is retried in a new transaction, at most five times,
 * then {@code 503 ledger-busy} with nothing moved.</li>
 * <li><b>Once per key</b>: (initiator, idempotency key) is unique in the journal. A repeated key with the same
 * request fingerprint answers the stored result (checked under the card lock, and again after a unique-constraint
 * race); with a different fingerprint it is refused ({@code 422 idempotency-key-reused}) and nothing moves.</li>
 * <li><b>Traceable</b>: each posting records the card's balance after it; each entry is audited (MONEY_MOVED) in
 * the transaction that writes it; PAYMENT and REFUND entries name the payment or refund they settle.</li>
 * </ol>
 */
package org.triad.bank.domain.model.ledger;
