package org.triad.shop.domain.model.order;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Checkouts, orders, their lines and timelines, refund requests and applied bank events. */
public interface OrderRepository {

    /** Writes what is pending now (inserts whose rows others refer to by id come first). */
    void flush();

    void add(Checkout checkout);

    Optional<Checkout> checkout(long id);

    /** The checkout row locked for the rest of the transaction: every change of a checkout's orders takes it first. */
    Optional<Checkout> lockCheckout(long id);

    Optional<Checkout> checkoutByPayment(String paymentId);

    /** Open checkouts whose hold ended before {@code before}, oldest first. */
    List<Checkout> openPast(Instant before, int max);

    void add(ShopOrder order);

    void add(OrderLine line);

    void add(OrderEvent event);

    Optional<ShopOrder> order(long id);

    Optional<ShopOrder> lockOrder(long id);

    List<ShopOrder> ofCheckout(long checkoutId);

    List<OrderLine> lines(long orderId);

    List<OrderLine> lines(Collection<Long> orderIds);

    List<OrderEvent> timeline(long orderId);

    /** Filtered order list: by buyer or seller (either may be null), statuses (null: all), created in [from, to). */
    List<ShopOrder> find(Long buyerId, Long sellerId, Collection<OrderStatus> statuses, Instant from, Instant to,
                         int first, int max);

    long count(Long buyerId, Long sellerId, Collection<OrderStatus> statuses, Instant from, Instant to);

    /** Shipped orders (also partially refunded ones) shipped before {@code before}, for automatic completion. */
    List<ShopOrder> shippedBefore(Instant before, int max);

    /** Orders changed at or after {@code since} (live updates), oldest change first. */
    List<ShopOrder> changedSince(Instant since, int max);

    void add(RefundRequest request);

    Optional<RefundRequest> refund(long id);

    List<RefundRequest> refunds(long orderId);

    List<RefundRequest> refundsIn(Collection<RefundStatus> statuses, Long sellerId, int first, int max);

    /** Whether a bank event with this id was recorded. */
    boolean hasEvent(String eventId);

    void add(BankEvent event);

    /**
     * Takes {@code quantity} units of an item's stock if it has them and buyers may buy it (published, open for
     * sale, seller not banned): one conditional UPDATE, never read-then-write. False: not enough stock or not on sale.
     */
    boolean reserve(long itemId, int quantity, Instant now);

    /** Gives units back to an item's stock (an unpaid order ended). */
    void release(long itemId, int quantity, Instant now);
}
