/**
 * The double-entry ledger. Every movement of money is one {@link org.triad.bank.domain.model.ledger.JournalEntry}
 * with at least two {@link org.triad.bank.domain.model.ledger.Posting}s whose amounts sum to zero; a posting
 * belongs to a card or to an internal account of the bank (cash for deposits and withdrawals).
 */
package org.triad.bank.domain.model.ledger;
