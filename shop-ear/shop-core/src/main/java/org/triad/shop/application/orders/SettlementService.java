package org.triad.shop.application.orders;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.triad.shop.application.ShopMail;
import org.triad.shop.domain.model.order.BankEvent;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundRequest;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.bank.BankPayment;

/**
 * Applies what the bank says about a checkout's payment — from a verified notification or from asking the bank — to
 * the checkout and its orders, under the checkout's row lock, in one transaction:
 * <ol>
 * <li>an event whose id was applied before changes nothing (at-least-once delivery);</li>
 * <li>a payment state whose {@code sequence} is not above the last one applied changes nothing (late, reordered
 * deliveries): the newest state wins and nothing ever moves back — a late "created" or "expired" cannot undo
 * "paid";</li>
 * <li>a state that does not match the checkout (total, or a line per order with the order's amount) is refused and
 * logged, never applied;</li>
 * <li>paid → the pending orders become {@code PAID}; expired or cancelled → they end so and their stock comes back;
 * refunded amounts per order line are taken over, an order whose money all went back is {@code REFUNDED}.</li>
 * </ol>
 */
@Stateless
public class SettlementService {

    private static final Logger LOG = Logger.getLogger(SettlementService.class.getName());

    /** What became of an event or a state. */
    public enum Outcome { APPLIED, DUPLICATE, STALE, UNKNOWN, MISMATCH }

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @EJB
    CheckoutSteps steps;

    @Inject
    Event<ShopMail> mail;

    @Inject
    Event<OrdersChanged> changed;

    /** A verified notification: event id, type and the payment as it was at that event. */
    public Outcome notified(String eventId, String type, BankPayment payment) {
        Checkout found = orders.checkoutByPayment(payment.id()).orElse(null);
        Instant now = Instant.now();
        if (found == null) {
            if (orders.hasEvent(eventId)) {
                return Outcome.DUPLICATE;
            }
            orders.add(new BankEvent(eventId, payment.id(), type, payment.sequence(), Outcome.UNKNOWN.name(), now));
            LOG.warning("A bank event " + eventId + " names payment " + payment.id() + " that no checkout has");
            return Outcome.UNKNOWN;
        }
        // the checkout's lock serialises all events of its payment: the duplicate check below cannot race
        Checkout checkout = orders.lockCheckout(found.id()).orElseThrow();
        if (orders.hasEvent(eventId)) {
            return Outcome.DUPLICATE;
        }
        Outcome outcome = apply(checkout, payment, now);
        orders.add(new BankEvent(eventId, payment.id(), type, payment.sequence(), outcome.name(), now));
        return outcome;
    }

    /** The payment as the bank answered it just now (reconciliation, return page, after a refund call). */
    public Outcome observed(long checkoutId, BankPayment payment) {
        Checkout checkout = orders.lockCheckout(checkoutId).orElseThrow();
        if (checkout.paymentId() == null || !checkout.paymentId().equals(payment.id())) {
            LOG.severe("Checkout " + checkoutId + " has payment " + checkout.paymentId() + ", the bank answered "
                    + payment.id());
            return Outcome.MISMATCH;
        }
        return apply(checkout, payment, Instant.now());
    }

    private Outcome apply(Checkout checkout, BankPayment payment, Instant now) {
        if (!checkout.isNewer(payment.sequence())) {
            return Outcome.STALE;
        }
        List<ShopOrder> list = orders.ofCheckout(checkout.id());
        if (!matches(checkout, list, payment)) {
            LOG.severe("The bank's payment " + payment.id() + " does not match checkout " + checkout.id()
                    + ": not applied");
            return Outcome.MISMATCH;
        }
        checkout.applied(payment.sequence());
        switch (payment.status()) {
            case "CREATED" -> {
                return Outcome.APPLIED;
            }
            case "EXPIRED", "CANCELLED" -> {
                CheckoutStatus status = "EXPIRED".equals(payment.status()) ? CheckoutStatus.EXPIRED
                        : CheckoutStatus.CANCELLED;
                if (steps.endUnpaid(checkout, status, "payment " + payment.status().toLowerCase() + " at the bank",
                        now)) {
                    changed.fire(OrdersChanged.of(list));
                }
                return Outcome.APPLIED;
            }
            default -> {
                // PAID, PARTIALLY_REFUNDED, REFUNDED
            }
        }
        if (!payment.isPaid()) {
            LOG.severe("Unknown payment status " + payment.status() + " of " + payment.id());
            return Outcome.MISMATCH;
        }
        if (checkout.settle(CheckoutStatus.PAID, now)) {
            for (ShopOrder order : list) {
                if (order.status() == OrderStatus.PENDING_PAYMENT) {
                    orders.add(order.moveTo(OrderStatus.PAID, null, "paid at the bank (" + payment.id() + ")", now));
                    mailPaid(order);
                }
            }
        }
        for (ShopOrder order : list) {
            long refunded = payment.lines().get(order.merchantOrderId()).refundedMinor();
            if (refunded > order.refundedMinor()) {
                refunded(order, refunded, now);
            }
        }
        changed.fire(OrdersChanged.of(list));
        return Outcome.APPLIED;
    }

    /** The bank refunded {@code refunded} of this order in all: requests approved so far are done. */
    private void refunded(ShopOrder order, long refunded, Instant now) {
        long before = order.refundedMinor();
        order.refundedTotal(refunded, now);
        long covered = refunded - before;
        for (RefundRequest request : orders.refunds(order.id())) {
            if (request.status() == RefundStatus.APPROVED && covered >= request.amountMinor()) {
                request.refunded(request.bankRefundId(), now);
                covered -= request.amountMinor();
            }
        }
        String note = "refunded " + Money.of(refunded - before) + " (in all " + Money.of(refunded) + ")";
        if (refunded == order.totalMinor()) {
            if (order.status().canMoveTo(OrderStatus.REFUNDED)) {
                orders.add(order.moveTo(OrderStatus.REFUNDED, null, note, now));
            }
        } else if (order.status().canMoveTo(OrderStatus.PARTIALLY_REFUNDED)) {
            orders.add(order.moveTo(OrderStatus.PARTIALLY_REFUNDED, null, note, now));
        } else {
            orders.add(new org.triad.shop.domain.model.order.OrderEvent(order.id(), order.status(), null, note, now));
        }
        users.find(order.buyerId()).filter(u -> u.email() != null).ifPresent(u -> mail.fire(new ShopMail(u.email(),
                "Triad Shop: refund for order " + order.id(),
                "Hello " + u.nickname() + ",\n\n" + Money.of(refunded - before) + " CNY of order " + order.id()
                        + " went back to your card.\n")));
    }

    private void mailPaid(ShopOrder order) {
        users.find(order.buyerId()).filter(u -> u.email() != null).ifPresent(u -> mail.fire(new ShopMail(u.email(),
                "Triad Shop: order " + order.id() + " is paid",
                "Hello " + u.nickname() + ",\n\nyour payment of " + Money.of(order.totalMinor())
                        + " CNY for order " + order.id() + " arrived. The seller will ship it soon.\n")));
        users.find(order.sellerId()).filter(u -> u.email() != null).ifPresent(u -> mail.fire(new ShopMail(u.email(),
                "Triad Shop: new order " + order.id() + " to ship",
                "Hello " + u.nickname() + ",\n\norder " + order.id() + " (" + Money.of(order.totalMinor())
                        + " CNY) is paid. Ship it from the seller centre.\n")));
    }

    private static boolean matches(Checkout checkout, List<ShopOrder> list, BankPayment payment) {
        if (payment.totalMinor() != checkout.totalMinor() || payment.lines().size() != list.size()) {
            return false;
        }
        for (ShopOrder order : list) {
            BankPayment.Line line = payment.lines().get(order.merchantOrderId());
            if (line == null || line.amountMinor() != order.totalMinor()
                    || (line.cardRef() != null && !line.cardRef().equals(order.payeeCardRef()))) {
                return false;
            }
        }
        return true;
    }
}
