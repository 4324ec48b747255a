package org.triad.bank.domain.model.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

/** One try to deliver an outbox message: when it started, how long it took, the answer's status or the error. */
@Entity
@Table(name = "outbox_attempt")
public class DeliveryAttempt {

    @Id
    private long id;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(name = "attempt_no", nullable = false)
    private int number;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "http_status")
    private Integer httpStatus;

    private String error;

    @Column(nullable = false)
    private String relay;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(long messageId, int number, DeliveryResult result, String relay) {
        this.id = Ids.next();
        this.messageId = messageId;
        this.number = number;
        this.startedAt = result.startedAt();
        this.durationMillis = result.duration().toMillis();
        this.httpStatus = result.status();
        this.error = OutboxMessage.clip(result.error());
        this.relay = OutboxMessage.clip(relay, 64);
    }

    public long id() {
        return id;
    }

    public long messageId() {
        return messageId;
    }

    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public String relay() {
        return relay;
    }

    public boolean succeeded() {
        return error == null && httpStatus != null && httpStatus / 100 == 2;
    }
}
