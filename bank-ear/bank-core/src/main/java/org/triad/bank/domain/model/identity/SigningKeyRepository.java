package org.triad.bank.domain.model.identity;

import java.time.Instant;
import java.util.List;

public interface SigningKeyRepository {

    void add(SigningKey key);

    /** Keys not retired, or retired after {@code retiredAfter}; newest first. */
    List<SigningKey> findPublishable(Instant retiredAfter);

    /** Keys not retired, newest first. */
    List<SigningKey> findActive();
}
