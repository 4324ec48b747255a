package org.triad.shop.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/** A step of an order's timeline: the state it entered, who moved it (null: the bank or a timer), a note. */
@Entity
@Table(name = "order_event")
public class OrderEvent {

    @Id
    private long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Convert(converter = InstantConverter.class)
    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "actor_id")
    private Long actorId;

    @Column
    private String note;

    protected OrderEvent() {
    }

    public OrderEvent(long orderId, OrderStatus status, Long actorId, String note, Instant at) {
        this.id = Ids.next();
        this.orderId = orderId;
        this.status = status;
        this.actorId = actorId;
        this.note = note == null || note.length() <= 500 ? note : note.substring(0, 500);
        this.at = at;
    }

    public long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public Instant at() {
        return at;
    }

    public OrderStatus status() {
        return status;
    }

    public Long actorId() {
        return actorId;
    }

    public String note() {
        return note;
    }
}
