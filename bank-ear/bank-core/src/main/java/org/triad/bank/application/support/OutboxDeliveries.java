package org.triad.bank.application.support;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.outbox.DeliveryAttempt;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxRepository;
import org.triad.bank.domain.model.outbox.OutboxStatus;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * The back office's view of the outbox: pending and dead deliveries with their attempts, and a clerk's resend
 * (within 30 days of creation; audited as {@code OUTBOX_RESENT}). Every method takes the acting clerk's id and checks
 * the role against the database.
 */
@Stateless
public class OutboxDeliveries {

    @Inject
    OutboxRepository messages;

    @Inject
    CustomerRepository customers;

    @Inject
    AuditLog audit;

    @EJB
    OutboxRelay relay;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    public List<View> list(long clerkId, Set<OutboxStatus> statuses, OutboxKind kind, int limit) {
        requireClerk(clerkId);
        Instant now = Instant.now();
        return messages.list(statuses, kind, limit).stream().map(m -> view(m, now)).toList();
    }

    public View find(long clerkId, long id) {
        requireClerk(clerkId);
        return view(message(id), Instant.now());
    }

    /** The deliveries of one merchant event (for the payment lookup of the back office). */
    public java.util.Optional<View> byEventId(long clerkId, String eventId) {
        requireClerk(clerkId);
        return messages.findByEventId(eventId).map(m -> view(m, Instant.now()));
    }

    /**
     * Sends the message again at once (and on its schedule after that if it fails).
     *
     * @throws org.triad.bank.domain.model.shared.InvalidStateException if it is older than 30 days
     */
    public View resend(long clerkId, long id) {
        requireClerk(clerkId);
        OutboxMessage message = message(id);
        Instant now = Instant.now();
        message.resend(now);
        audit.record(clerkId, "OUTBOX_RESENT", "outbox:" + id, message.kind() + " " + message.destination());
        AfterCommit.run(transactions, () -> {
            try {
                executor.execute(() -> relay.attempt(id));
            } catch (RuntimeException busy) {
                // the relay's timer will find it
            }
        });
        return view(message, now);
    }

    private OutboxMessage message(long id) {
        return messages.find(id).orElseThrow(() -> new InvalidInputException("No such delivery."));
    }

    private View view(OutboxMessage m, Instant now) {
        List<AttemptView> attempts = messages.attempts(m.id()).stream().map(AttemptView::of).toList();
        return new View(m.id(), m.kind(), m.destination(), m.eventId(), m.eventType(), m.status(), m.attempts(),
                m.createdAt(), m.nextAttemptAt(), m.deliveredAt(), m.lastError(), m.resendable(now), attempts);
    }

    private void requireClerk(long clerkId) {
        Role role = customers.find(clerkId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role == Role.CUSTOMER) {
            throw new NotPermittedException("Only clerks may do this.");
        }
    }

    public record View(long id, OutboxKind kind, String destination, String eventId, String eventType,
                       OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                       Instant deliveredAt, String lastError, boolean resendable, List<AttemptView> attemptList)
            implements java.io.Serializable {
    }

    public record AttemptView(int number, Instant startedAt, long durationMillis, Integer httpStatus, String error,
                              String relay) implements java.io.Serializable {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.number(), a.startedAt(), a.durationMillis(), a.httpStatus(), a.error(), a.relay());
        }
    }
}
