package org.triad.bank.application.banking;

import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.IdempotencyKey;
import org.triad.bank.domain.model.money.Money;

/**
 * A money movement as the ledger posts it: who asks, from (or to) which own card, to which card number for a
 * transfer, how much, under which idempotency key. Its {@link #fingerprint()} tells a retry of the same request from
 * a different request that reuses the key.
 */
public record MovementRequest(EntryType type, long initiatorId, long cardId, String toCardNumber, Money amount,
                              String idempotencyKey) {

    public MovementRequest {
        IdempotencyKey.require(idempotencyKey);
    }

    public String fingerprint() {
        return Hashes.sha256Hex(type + "|" + cardId + "|" + (toCardNumber == null ? "" : toCardNumber) + "|" + amount);
    }
}
