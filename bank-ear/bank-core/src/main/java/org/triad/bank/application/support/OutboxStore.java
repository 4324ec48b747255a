package org.triad.bank.application.support;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxRepository;

/**
 * The relay's short transactions, each of its own ({@code REQUIRES_NEW}): claim a row, read it, record an attempt.
 * No transaction is open while a courier talks to the outside world.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @Inject
    OutboxRepository messages;

    @Inject
    OutboxSettings settings;

    public List<Long> due(int limit) {
        return messages.due(Instant.now(), limit);
    }

    /** The lease on a due message, or false if it is not due or another relay holds it. */
    public boolean claim(long id, String lease) {
        Instant now = Instant.now();
        return messages.claim(id, lease, now, now.plus(settings.lease()));
    }

    public Optional<OutboxMessage> find(long id) {
        return messages.find(id);
    }

    /** Stores the attempt and moves the message on: delivered, next try, or dead. */
    public OutboxMessage record(long id, String lease, DeliveryResult result) {
        OutboxMessage message = messages.find(id).orElseThrow();
        messages.add(message.recordAttempt(result, lease, settings.schedule(message.kind()), Instant.now()));
        return message;
    }
}
