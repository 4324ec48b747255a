package org.triad.shop.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.item.Price;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * One checkout of a buyer: contact and address, the orders (one per seller) it created, the one bank payment that
 * pays them all and the time its stock is held until. The payment's idempotency key is derived from the checkout's
 * id ({@link #idempotencyKey()}), so asking the bank again — a retry, a second tab, the reconciliation — can never
 * make a second payment. {@link #paymentSequence} is the bank's sequence of the last payment state applied: an
 * event at or below it is stale and changes nothing.
 */
@Entity
@Table(name = "checkout")
public class Checkout {

    @Id
    private long id;

    @Column(name = "buyer_id", nullable = false)
    private long buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckoutStatus status;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(nullable = false)
    private String currency;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private String address;

    @Column(name = "payment_id")
    private String paymentId;

    @Column(name = "cashier_url")
    private String cashierUrl;

    @Column(name = "payment_sequence", nullable = false)
    private long paymentSequence;

    @Convert(converter = InstantConverter.class)
    @Column(name = "hold_until", nullable = false)
    private Instant holdUntil;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "settled_at")
    private Instant settledAt;

    /** The flash-sale claim this checkout pays, or null: its unit goes back to the sale, not the item's stock. */
    @Column(name = "flash_claim_id")
    private Long flashClaimId;

    @Version
    private long version;

    protected Checkout() {
    }

    public Checkout(long buyerId, Contact contact, Instant holdUntil, Instant now) {
        this.id = Ids.next();
        this.buyerId = buyerId;
        this.status = CheckoutStatus.OPEN;
        this.currency = Price.CURRENCY;
        this.contactName = contact.name();
        this.phone = contact.phone();
        this.address = contact.address();
        this.holdUntil = holdUntil;
        this.createdAt = now;
    }

    /** Name, phone and address of the buyer for this checkout, checked. */
    public record Contact(String name, String phone, String address) {

        public Contact {
            name = name == null ? "" : name.strip();
            phone = phone == null ? "" : phone.strip().replace(" ", "");
            address = address == null ? "" : address.strip();
            if (name.isEmpty() || name.length() > 64) {
                throw ShopRuleException.invalid("contactName", "Enter the recipient's name (at most 64 characters).");
            }
            if (!phone.matches("\\+?[0-9-]{6,20}")) {
                throw ShopRuleException.invalid("phone", "Enter a phone number (6 to 20 digits, + and - allowed).");
            }
            if (address.length() < 5 || address.length() > 300) {
                throw ShopRuleException.invalid("address", "Enter the delivery address (5 to 300 characters).");
            }
        }
    }

    /** A checkout that pays a flash-sale claim. */
    public static Checkout forFlashClaim(long claimId, long buyerId, Contact contact, Instant holdUntil, Instant now) {
        Checkout checkout = new Checkout(buyerId, contact, holdUntil, now);
        checkout.flashClaimId = claimId;
        return checkout;
    }

    public Long flashClaimId() {
        return flashClaimId;
    }

    public void addToTotal(long minor) {
        totalMinor = Math.addExact(totalMinor, minor);
    }

    /** The bank created the payment (or answered the same one again for the same key). */
    public void paymentCreated(String paymentId, String cashierUrl, Instant bankExpiry) {
        if (this.paymentId != null && !this.paymentId.equals(paymentId)) {
            throw new IllegalStateException("checkout " + id + " has payment " + this.paymentId + ", not " + paymentId);
        }
        this.paymentId = paymentId;
        this.cashierUrl = cashierUrl;
        if (bankExpiry != null && bankExpiry.isAfter(holdUntil)) {
            holdUntil = bankExpiry;
        }
    }

    /** Whether a payment state with this sequence is newer than the last one applied. */
    public boolean isNewer(long sequence) {
        return sequence > paymentSequence;
    }

    public void applied(long sequence) {
        paymentSequence = Math.max(paymentSequence, sequence);
    }

    /** The checkout ends in {@code target} (once: a settled checkout keeps its state). */
    public boolean settle(CheckoutStatus target, Instant now) {
        if (status != CheckoutStatus.OPEN || target == CheckoutStatus.OPEN) {
            return false;
        }
        status = target;
        settledAt = now;
        return true;
    }

    public String idempotencyKey() {
        return "shop-checkout-" + id;
    }

    public long id() {
        return id;
    }

    public long buyerId() {
        return buyerId;
    }

    public CheckoutStatus status() {
        return status;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public String currency() {
        return currency;
    }

    public Contact contact() {
        return new Contact(contactName, phone, address);
    }

    public String paymentId() {
        return paymentId;
    }

    public String cashierUrl() {
        return cashierUrl;
    }

    public long paymentSequence() {
        return paymentSequence;
    }

    public Instant holdUntil() {
        return holdUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkout other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
