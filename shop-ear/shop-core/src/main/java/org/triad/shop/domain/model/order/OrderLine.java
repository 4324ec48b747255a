package org.triad.shop.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.triad.shop.domain.model.shared.Ids;

/** One item of an order, with title, options and unit price as they were when the buyer checked out. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    private long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(nullable = false)
    private int position;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String options;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    @Column(nullable = false)
    private int quantity;

    protected OrderLine() {
    }

    OrderLine(long orderId, int position, long itemId, String title, String options, long unitPriceMinor,
              int quantity) {
        this.id = Ids.next();
        this.orderId = orderId;
        this.position = position;
        this.itemId = itemId;
        this.title = title;
        this.options = options;
        this.unitPriceMinor = unitPriceMinor;
        this.quantity = quantity;
    }

    public long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public int position() {
        return position;
    }

    public long itemId() {
        return itemId;
    }

    public String title() {
        return title;
    }

    public String options() {
        return options;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public int quantity() {
        return quantity;
    }

    public long totalMinor() {
        return Math.multiplyExact(unitPriceMinor, quantity);
    }
}
