package org.triad.bank.application.banking;

import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.IdempotencyKeyMissingException;
import org.triad.bank.domain.model.money.Money;

/**
 * A money movement as asked for by a customer. Its {@link #fingerprint()} tells a retry of the same request from a
 * different request that reuses an idempotency key.
 */
public record MovementRequest(EntryType type, long initiatorId, long cardId, String toCardNumber, Money amount,
                              String idempotencyKey) {

    public static final int MAX_KEY_LENGTH = 100;

    public MovementRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IdempotencyKeyMissingException("Every money-moving request needs an Idempotency-Key.");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IdempotencyKeyMissingException("The Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
        }
    }

    public String fingerprint() {
        return Hashes.sha256Hex(type + "|" + cardId + "|" + (toCardNumber == null ? "" : toCardNumber) + "|" + amount);
    }
}
