package org.triad.bank.domain.model.card;

/** A new card waits for activation by an email code; a clerk may freeze an active card and unfreeze it. */
public enum CardStatus {
    PENDING_ACTIVATION, ACTIVE, FROZEN
}
