package org.triad.bank.application.support;

import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;

/**
 * Sends one kind of outbox message to the outside world, once per call: the relay calls it outside any transaction,
 * under the message's lease, and records what it returns. A courier never throws for a failed delivery; it returns
 * {@link DeliveryResult#failed}.
 */
public interface OutboxCourier {

    OutboxKind kind();

    DeliveryResult deliver(OutboxMessage message);
}
