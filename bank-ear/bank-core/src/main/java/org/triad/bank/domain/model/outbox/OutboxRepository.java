package org.triad.bank.domain.model.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface OutboxRepository {

    void add(OutboxMessage message);

    void add(DeliveryAttempt attempt);

    Optional<OutboxMessage> find(long id);

    Optional<OutboxMessage> findByEventId(String eventId);

    /** Ids of pending messages due at {@code now} and not leased, oldest due first. */
    List<Long> due(Instant now, int limit);

    /**
     * Takes the lease on a due, unleased message (one conditional UPDATE: of two relays racing for the same row,
     * exactly one succeeds, on MariaDB and H2 alike).
     *
     * @return true if this caller now holds the lease {@code owner} until {@code until}
     */
    boolean claim(long id, String owner, Instant now, Instant until);

    /** Messages of the given statuses, newest first. */
    List<OutboxMessage> list(Collection<OutboxStatus> statuses, OutboxKind kind, int limit);

    List<DeliveryAttempt> attempts(long messageId);
}
