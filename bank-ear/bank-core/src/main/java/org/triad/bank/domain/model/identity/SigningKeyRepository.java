package org.triad.bank.domain.model.identity;

import java.time.Instant;
import java.util.List;

public interface SigningKeyRepository {

    void add(SigningKey key);

    /** Keys not retired, or retired after {@code retiredAfter}; newest first. */
    List<SigningKey> findPublishable(Instant retiredAfter);

    /** Keys not retired, newest first. */
    List<SigningKey> findActive();

    /** Keys not retired, newest first, locked until the transaction ends (serialises rotations in a cluster). */
    List<SigningKey> lockActive();

    /** The newest keys, retired or not, newest first. */
    List<SigningKey> findRecent(int limit);
}
