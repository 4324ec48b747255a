package org.triad.shop.application.orders;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.triad.shop.application.ShopAudit;
import org.triad.shop.application.flash.FlashPool;
import org.triad.shop.domain.model.cart.CartLine;
import org.triad.shop.domain.model.cart.CartRepository;
import org.triad.shop.domain.model.flash.FlashClaimStatus;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.CardBinding;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.bank.BankPayment;
import org.triad.shop.infrastructure.search.CatalogueChanged;

/**
 * The checkout's transactions (each method one, called by {@link CheckoutService} and {@link SettlementService}):
 * placing the orders with their stock reserved, recording the bank payment, and ending a checkout unpaid with its
 * stock given back. Every change of a checkout's orders first locks the checkout's row.
 */
@Stateless
public class CheckoutSteps {

    private static final Logger LOG = Logger.getLogger(CheckoutSteps.class.getName());

    @Inject
    CartRepository carts;

    @Inject
    ItemRepository items;

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @Inject
    ShopAudit audit;

    @Inject
    Event<CatalogueChanged> catalogueChanged;

    @Inject
    FlashPool flashPool;

    /**
     * Turns the buyer's cart into one order per seller under one checkout, reserving every line's stock with a
     * conditional update. Refused, with nothing changed (the whole transaction rolls back): an empty cart, an item
     * no longer for sale, a price that changed since the buyer last saw it (the cart then shows the new price),
     * not enough stock, the buyer's own item, a seller who cannot be paid.
     */
    public long place(long buyerId, Checkout.Contact contact, Duration hold) {
        Instant now = Instant.now();
        List<CartLine> cart = carts.lines(CartService.userOwner(buyerId));
        if (cart.isEmpty()) {
            throw new ShopRuleException("cart-empty", 409, null, "The cart is empty.");
        }
        Checkout checkout = new Checkout(buyerId, contact, now.plus(hold), now);
        Map<Long, ShopOrder> bySeller = new LinkedHashMap<>();
        Map<Long, Integer> positions = new LinkedHashMap<>();
        List<OrderLine> orderLines = new java.util.ArrayList<>();
        for (CartLine line : cart) {
            Item item = items.find(line.itemId()).orElse(null);
            ItemContent content = item == null ? null : item.publishedCopy();
            if (item == null || content == null || !items.isVisible(item.id())) {
                throw new ShopRuleException("item-unavailable", 409, null, "\"" + (content == null ? "An item"
                        : content.title()) + "\" is no longer for sale; remove it from the cart.");
            }
            if (content.price().minor() != line.seenPriceMinor()) {
                long seen = line.seenPriceMinor();
                throw new ShopRuleException("price-changed", 409, null, "The price of \"" + content.title()
                        + "\" changed from " + Money.of(seen) + " to " + content.price().plain()
                        + "; look at the cart and check out again.");
            }
            if (item.sellerId() == buyerId) {
                throw new ShopRuleException("own-item", 422, null, "You cannot buy your own item \"" + content.title()
                        + "\".");
            }
            ShopOrder order = bySeller.get(item.sellerId());
            if (order == null) {
                CardBinding payout = users.binding(item.sellerId(), CardPurpose.PAYOUT)
                        .filter(b -> !b.isLost()).orElseThrow(() -> new ShopRuleException("seller-cannot-be-paid",
                                409, null, "The seller of \"" + content.title()
                                + "\" cannot take payments right now; remove the item from the cart."));
                order = new ShopOrder(checkout.id(), buyerId, item.sellerId(), payout.cardRef(), now);
                bySeller.put(item.sellerId(), order);
            }
            int position = positions.merge(order.id(), 1, Integer::sum);
            OrderLine orderLine = order.addLine(position, item.id(), content.title(), line.options(),
                    content.price().minor(), line.quantity());
            if (!orders.reserve(item.id(), line.quantity(), now)) {
                throw new ShopRuleException("not-enough-stock", 409, null, "\"" + content.title()
                        + "\" has fewer than " + line.quantity() + " in stock now.");
            }
            orderLines.add(orderLine);
        }
        bySeller.values().forEach(o -> checkout.addToTotal(o.totalMinor()));
        // written in foreign-key order (the entities refer to each other by id, so the unit of work cannot order them)
        orders.add(checkout);
        orders.flush();
        for (ShopOrder order : bySeller.values()) {
            orders.add(order);
        }
        orders.flush();
        for (ShopOrder order : bySeller.values()) {
            orders.add(new org.triad.shop.domain.model.order.OrderEvent(order.id(), OrderStatus.PENDING_PAYMENT,
                    buyerId, "checkout " + checkout.id(), now));
        }
        orderLines.forEach(orders::add);
        cart.forEach(carts::remove);
        audit.record(buyerId, "CHECKOUT_PLACED", "checkout:" + checkout.id(),
                bySeller.size() + " orders, total " + Money.of(checkout.totalMinor()));
        catalogueChanged.fire(new CatalogueChanged("stock"));
        return checkout.id();
    }

    /** Records the bank's payment of an open checkout; false if the checkout ended meanwhile. */
    public boolean paymentCreated(long checkoutId, BankPayment payment) {
        Checkout checkout = orders.lockCheckout(checkoutId).orElseThrow();
        if (checkout.status() != CheckoutStatus.OPEN) {
            return false;
        }
        checkout.paymentCreated(payment.id(), payment.cashierUrl(), payment.expiresAt());
        return true;
    }

    /**
     * Ends an open checkout unpaid: its pending orders become {@code EXPIRED} or {@code CANCELLED} and their
     * reserved units go back to stock — exactly once, under the checkout's lock (a flash-sale checkout's unit goes back
     * to the sale's pool, or to the item's stock when the sale is over).
     */
    public boolean endUnpaid(long checkoutId, CheckoutStatus status, String note) {
        Checkout checkout = orders.lockCheckout(checkoutId).orElseThrow();
        return endUnpaid(checkout, status, note, Instant.now());
    }

    /** The same, for a checkout the caller has locked. */
    public boolean endUnpaid(Checkout checkout, CheckoutStatus status, String note, Instant now) {
        if (!checkout.settle(status, now)) {
            return false;
        }
        OrderStatus target = status == CheckoutStatus.EXPIRED ? OrderStatus.EXPIRED : OrderStatus.CANCELLED;
        for (ShopOrder order : orders.ofCheckout(checkout.id())) {
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                LOG.severe("Order " + order.id() + " of unpaid checkout " + checkout.id() + " is " + order.status());
                continue;
            }
            orders.add(order.moveTo(target, null, note, now));
            if (checkout.flashClaimId() == null) {
                for (OrderLine line : orders.lines(order.id())) {
                    orders.release(line.itemId(), line.quantity(), now);
                }
            }
        }
        if (checkout.flashClaimId() != null) {
            flashPool.release(checkout.flashClaimId(), FlashClaimStatus.ORDERED, now);
        }
        catalogueChanged.fire(new CatalogueChanged("stock"));
        return true;
    }
}
