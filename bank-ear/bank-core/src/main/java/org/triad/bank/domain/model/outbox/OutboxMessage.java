package org.triad.bank.domain.model.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.bank.domain.model.shared.InvalidStateException;

/**
 * Something the bank has committed to send: its kind, where to (notify URL, mail address, back-channel logout URL),
 * what ({@code payload}: the notification's JSON body, or the JSON the mail and logout couriers need) and how far
 * its delivery got. The relay holds a lease on it while one attempt runs; {@link #recordAttempt} ends the lease.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** How long after its creation a clerk may still resend a message. */
    public static final Duration RESEND_WINDOW = Duration.ofDays(30);

    @Id
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxKind kind;

    @Column(nullable = false)
    private String destination;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Lob
    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMessage() {
    }

    public OutboxMessage(OutboxKind kind, String destination, String eventId, String eventType, String payload,
                         Instant now, Duration firstDelay) {
        if (destination == null || destination.isBlank() || payload == null) {
            throw new IllegalArgumentException("an outbox message needs a destination and a payload");
        }
        this.id = Ids.next();
        this.kind = kind;
        this.destination = destination;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = OutboxStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now.plus(firstDelay);
    }

    /**
     * The outcome of the attempt made under the lease {@code lease}: delivered on success, otherwise the next try
     * from {@code schedule} or dead. Ends the lease.
     *
     * @return the attempt to store
     */
    public DeliveryAttempt recordAttempt(DeliveryResult result, String lease, RetrySchedule schedule, Instant now) {
        boolean mine = lease.equals(leaseOwner);
        attempts++;
        DeliveryAttempt attempt = new DeliveryAttempt(id, attempts, result, lease);
        if (result.succeeded()) {
            status = OutboxStatus.DELIVERED;
            deliveredAt = now;
            nextAttemptAt = null;
            lastError = null;
        } else if (mine && status == OutboxStatus.PENDING) {
            // (a relay whose lease ran out meanwhile only reports its failure: the new holder decides what is next)
            lastError = clip(result.error());
            nextAttemptAt = schedule.next(attempts, createdAt, now).orElse(null);
            status = nextAttemptAt == null ? OutboxStatus.DEAD : OutboxStatus.PENDING;
        }
        if (mine) {
            leaseOwner = null;
            leaseUntil = null;
        }
        return attempt;
    }

    /**
     * A clerk's resend: due at once again (a dead message comes back to life; a delivered one is sent once more — the
     * event id lets the receiver drop the duplicate).
     *
     * @throws InvalidStateException if the message is older than {@link #RESEND_WINDOW}
     */
    public void resend(Instant now) {
        if (now.isAfter(createdAt.plus(RESEND_WINDOW))) {
            throw new InvalidStateException("Only deliveries of the last 30 days can be sent again.");
        }
        status = OutboxStatus.PENDING;
        nextAttemptAt = now;
        leaseOwner = null;
        leaseUntil = null;
    }

    /**
     * The lease as the relay's claim takes it in the database (one conditional UPDATE, see
     * {@code OutboxRepository#claim}); for code that holds messages in memory (unit tests).
     */
    void lease(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    public boolean resendable(Instant now) {
        return !now.isAfter(createdAt.plus(RESEND_WINDOW));
    }

    static String clip(String text) {
        return clip(text, 500);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public long id() {
        return id;
    }

    public OutboxKind kind() {
        return kind;
    }

    public String destination() {
        return destination;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public OutboxStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String lastError() {
        return lastError;
    }
}
