package org.triad.bank.domain.model.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface RevokedSessionRepository {

    void add(RevokedSession revoked);

    Optional<RevokedSession> find(String handle);

    /** Entries that still matter at {@code now}. */
    List<RevokedSession> findUnexpired(Instant now);
}
