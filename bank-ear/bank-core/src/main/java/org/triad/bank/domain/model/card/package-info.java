/**
 * Cards: the accounts that hold customers' money. A card's balance changes only through {@link
 * org.triad.bank.domain.model.card.Card#credit} and {@link org.triad.bank.domain.model.card.Card#debit}, called by
 * the ledger while it writes the matching postings.
 */
package org.triad.bank.domain.model.card;
