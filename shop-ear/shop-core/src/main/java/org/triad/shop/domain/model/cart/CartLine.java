package org.triad.shop.domain.model.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * One item (with its chosen options) in a cart. The owner is {@code u:<user id>} for a signed-in user or
 * {@code a:<token>} for an anonymous visitor (the token lives in a cookie); {@code seenPrice} is the price the
 * buyer was last shown, so that a price change is pointed out rather than charged silently.
 */
@Entity
@Table(name = "cart_line")
public class CartLine {

    public static final int MAX_QUANTITY = 999;

    @Id
    private long id;

    @Column(nullable = false)
    private String owner;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(nullable = false)
    private String options;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "seen_price_minor", nullable = false)
    private long seenPriceMinor;

    @Convert(converter = InstantConverter.class)
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CartLine() {
    }

    public CartLine(String owner, long itemId, String options, int quantity, long priceMinor, Instant now) {
        this.id = Ids.next();
        this.owner = owner;
        this.itemId = itemId;
        this.options = options == null ? "" : options;
        this.quantity = checked(quantity);
        this.seenPriceMinor = priceMinor;
        this.addedAt = now;
        this.updatedAt = now;
    }

    public static int checked(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw ShopRuleException.invalid("quantity", "A quantity is a whole number from 1 to " + MAX_QUANTITY + ".");
        }
        return quantity;
    }

    public void setQuantity(int quantity, Instant now) {
        this.quantity = checked(quantity);
        this.updatedAt = now;
    }

    /** The buyer has now seen this price. */
    public void seen(long priceMinor, Instant now) {
        if (priceMinor != seenPriceMinor) {
            seenPriceMinor = priceMinor;
            updatedAt = now;
        }
    }

    /** Moves the line to another owner (an anonymous cart merged at sign-in). */
    public void moveTo(String newOwner, Instant now) {
        owner = newOwner;
        updatedAt = now;
    }

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public long itemId() {
        return itemId;
    }

    public String options() {
        return options;
    }

    public int quantity() {
        return quantity;
    }

    public long seenPriceMinor() {
        return seenPriceMinor;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
