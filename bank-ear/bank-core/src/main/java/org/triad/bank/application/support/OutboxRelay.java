package org.triad.bank.application.support;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxStatus;

/**
 * Delivers due outbox messages, on every instance of a cluster at once and still never one message twice at the
 * same time: each attempt first takes a lease on the row ({@link OutboxStore#claim}, one conditional UPDATE), then
 * hands the message to its kind's {@link OutboxCourier} outside any transaction, then records the attempt. A relay
 * that dies while sending leaves a lease that runs out ({@code triad.bank.outbox.lease-seconds}), after which
 * another relay sends again: delivery is at least once.
 * <p>
 * Two ways in: {@link #soon} right after the commit that wrote a message (no waiting for a timer), and a
 * non-persistent interval timer ({@code triad.bank.outbox.poll-seconds}) on each instance for retries and for what
 * a crash left behind. Both only ask; the lease decides.
 */
@Singleton
@Startup
@DependsOn("BankDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxStore store;

    @Inject
    OutboxSettings settings;

    @Inject
    @Any
    Instance<OutboxCourier> couriers;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    private final String name = System.getProperty("com.sun.aas.instanceName", "server") + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<OutboxKind, OutboxCourier> byKind = new EnumMap<>(OutboxKind.class);

    @PostConstruct
    void start() {
        for (OutboxCourier courier : couriers) {
            byKind.put(courier.kind(), courier);
        }
        long every = settings.pollInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("outbox-relay", false));
    }

    @Timeout
    void poll() {
        try {
            for (long id : store.due(settings.batchSize())) {
                soon(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox relay could not look for due messages", e);
        }
    }

    /** Asks for an attempt of message {@code id} on another thread; nothing happens if it is not due or leased. */
    public void soon(long id) {
        try {
            executor.execute(() -> attempt(id));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Outbox relay busy; message " + id + " waits for the timer");
        }
    }

    /**
     * One attempt of message {@code id} in this thread, if it is due and this call gets its lease.
     *
     * @return true if this call made the attempt
     */
    public boolean attempt(long id) {
        String lease = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            if (!store.claim(id, lease)) {
                return false;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Outbox message " + id + " not claimed", e);
            return false;
        }
        OutboxMessage message = store.find(id).orElseThrow();
        DeliveryResult result;
        Instant started = Instant.now();
        try {
            OutboxCourier courier = byKind.get(message.kind());
            result = courier == null ? DeliveryResult.failed(started, "no courier for " + message.kind())
                    : courier.deliver(message);
        } catch (RuntimeException e) {
            result = DeliveryResult.failed(started, e.toString());
        }
        OutboxMessage after = store.record(id, lease, result);
        if (after.status() == OutboxStatus.DEAD) {
            LOG.warning(() -> "Outbox message " + id + " (" + message.kind() + " to " + message.destination()
                    + ") is dead after " + after.attempts() + " attempts: " + after.lastError());
        } else if (!result.succeeded()) {
            LOG.info(() -> "Outbox message " + id + " (" + message.kind() + "): attempt " + after.attempts()
                    + " failed (" + after.lastError() + "), next at " + after.nextAttemptAt());
        }
        return true;
    }
}
