package org.triad.bank.application.banking;

import java.math.BigDecimal;

/**
 * A transfer as a customer asks for it, before any check: from one of the customer's cards to any card number.
 * Named fields instead of a positional list of strings (card number, key and the confirmations could be swapped
 * silently); the confirmations travel apart in {@link Confirmation}.
 */
public record TransferOrder(long customerId, long fromCardId, String toCardNumber, BigDecimal amount,
                            String idempotencyKey) {
}
