package org.triad.bank.application.banking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The result of a money movement, as returned the first time and again for every retry with the same
 * idempotency key ({@code replayed} tells which).
 */
public record Receipt(long entryId, String type, String status, BigDecimal amount, String currency, long cardId,
                      String cardMasked, BigDecimal balanceAfter, String counterparty, Instant createdAt,
                      boolean replayed) {

    public Receipt asReplay() {
        return new Receipt(entryId, type, status, amount, currency, cardId, cardMasked, balanceAfter, counterparty,
                createdAt, true);
    }
}
