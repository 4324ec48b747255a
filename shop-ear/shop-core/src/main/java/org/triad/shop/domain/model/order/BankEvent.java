package org.triad.shop.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;

/**
 * A bank payment event the notify endpoint accepted, kept by the bank's event id: the same event delivered again is
 * recognised and changes nothing. {@code outcome}: {@code APPLIED}, {@code STALE} (its sequence was not newer than
 * the state already applied), {@code UNKNOWN} (no checkout has that payment).
 */
@Entity
@Table(name = "bank_event")
public class BankEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "payment_id", nullable = false)
    private String paymentId;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private long sequence;

    @Convert(converter = InstantConverter.class)
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private String outcome;

    protected BankEvent() {
    }

    public BankEvent(String eventId, String paymentId, String type, long sequence, String outcome, Instant now) {
        this.eventId = eventId;
        this.paymentId = paymentId;
        this.type = type;
        this.sequence = sequence;
        this.outcome = outcome;
        this.receivedAt = now;
    }

    public String eventId() {
        return eventId;
    }

    public String paymentId() {
        return paymentId;
    }

    public String type() {
        return type;
    }

    public long sequence() {
        return sequence;
    }

    public String outcome() {
        return outcome;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
