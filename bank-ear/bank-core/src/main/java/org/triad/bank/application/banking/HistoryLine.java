package org.triad.bank.application.banking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a card's history: a posting on the card, seen from the card. {@code amount} is signed (negative =
 * out), the counterparty is masked ("BANK" for cash).
 */
public record HistoryLine(long entryId, Instant createdAt, String type, String status, String direction,
                          BigDecimal amount, String currency, BigDecimal balanceAfter, long cardId, String cardMasked,
                          String counterparty) {
}
