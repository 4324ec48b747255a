package org.triad.bank.domain.model.ledger;

import java.util.Optional;

public interface IdempotencyClaimRepository {

    /** Adds the claim and writes it at once, so that a second claim of the same key fails here. */
    void addNow(IdempotencyClaim claim);

    Optional<IdempotencyClaim> find(long initiatorId, String idempotencyKey);

    /** Removes the claim with this id, if it is still there. */
    void remove(long id);
}
