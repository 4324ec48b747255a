package org.triad.shop.application.orders;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.bank.BankPayment;
import org.triad.shop.infrastructure.bank.BankPaymentException;
import org.triad.shop.infrastructure.bank.BankPayments;

/**
 * Checkout through the bank. {@link #checkout} places the orders (one transaction, stock reserved) and then,
 * outside any transaction, asks the bank for one payment with a payee line per order; the idempotency key comes
 * from the checkout, so {@link #pay} (the buyer again, a second tab) gets the same payment and never a second one.
 * When the bank cannot be reached the checkout stays open with its stock held; the buyer can try again, and the
 * reconciliation ends it when the hold is over.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class.getName());
    /** No payment is asked for when less than this is left of the hold (the buyer could not pay it in time). */
    private static final Duration MIN_PAYMENT_TIME = Duration.ofSeconds(60);

    @EJB
    CheckoutSteps steps;

    @EJB
    SettlementService settlement;

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @Inject
    OrderViews views;

    @Inject
    BankPayments bank;

    @Inject
    @ConfigProperty(name = "triad.shop.checkout.hold-seconds", defaultValue = "900")
    long holdSeconds;

    @Inject
    @ConfigProperty(name = "triad.shop.public-url")
    String publicUrl;

    public CheckoutView checkout(long buyerId, Checkout.Contact contact) {
        long id = steps.place(buyerId, contact, Duration.ofSeconds(holdSeconds));
        return requestPayment(id);
    }

    /** The buyer's checkout, its payment asked for again if it has none yet. */
    public CheckoutView pay(long buyerId, long checkoutId) {
        own(buyerId, checkoutId);
        return requestPayment(checkoutId);
    }

    /** The buyer's checkout as it stands, after asking the bank about an open payment (the return page). */
    public CheckoutView refresh(long buyerId, long checkoutId) {
        Checkout checkout = own(buyerId, checkoutId);
        if (checkout.status() == CheckoutStatus.OPEN && checkout.paymentId() != null) {
            try {
                settlement.observed(checkoutId, bank.get(checkout.paymentId()));
            } catch (BankPaymentException e) {
                LOG.info(() -> "Could not ask the bank about " + checkout.paymentId() + ": " + e.getMessage());
            }
        }
        return view(checkoutId, null);
    }

    public CheckoutView view(long buyerId, long checkoutId) {
        own(buyerId, checkoutId);
        return view(checkoutId, null);
    }

    /** The buyer gives up an unpaid checkout: the bank cancels the payment, the stock comes back. */
    public CheckoutView cancel(long buyerId, long checkoutId) {
        Checkout checkout = own(buyerId, checkoutId);
        if (checkout.status() != CheckoutStatus.OPEN) {
            throw new ShopRuleException("checkout-not-open", 409, null, "This checkout is " + checkout.status() + ".");
        }
        if (checkout.paymentId() == null) {
            steps.endUnpaid(checkoutId, CheckoutStatus.CANCELLED, "cancelled by the buyer");
            return view(checkoutId, null);
        }
        try {
            settlement.observed(checkoutId, bank.cancel(checkout.paymentId()));
        } catch (BankPaymentException e) {
            if ("payment-not-cancellable".equals(e.problemType())) {
                // paid (or ended) meanwhile: the bank's state decides
                return refresh(buyerId, checkoutId);
            }
            throw new ShopRuleException("bank-unavailable", 503, null,
                    "The bank could not cancel the payment now; try again in a moment.");
        }
        return view(checkoutId, null);
    }

    private Checkout own(long buyerId, long checkoutId) {
        return orders.checkout(checkoutId).filter(c -> c.buyerId() == buyerId)
                .orElseThrow(() -> ShopRuleException.notFound("checkout"));
    }

    private CheckoutView requestPayment(long checkoutId) {
        Checkout checkout = orders.checkout(checkoutId).orElseThrow();
        if (checkout.status() != CheckoutStatus.OPEN || checkout.paymentId() != null) {
            return view(checkoutId, null);
        }
        Instant now = Instant.now();
        long seconds = Duration.between(now, checkout.holdUntil()).toSeconds();
        if (seconds < MIN_PAYMENT_TIME.toSeconds()) {
            return view(checkoutId, "The time to pay this checkout is over.");
        }
        List<BankPayments.Payee> payees = new ArrayList<>();
        for (ShopOrder order : orders.ofCheckout(checkoutId)) {
            List<OrderLine> lines = orders.lines(order.id());
            String description = lines.get(0).title() + (lines.size() > 1 ? " +" + (lines.size() - 1) : "");
            payees.add(new BankPayments.Payee(order.payeeCardRef(), order.totalMinor(), order.merchantOrderId(),
                    description.length() > 100 ? description.substring(0, 100) : description));
        }
        String buyer = users.find(checkout.buyerId()).map(ShopUser::bankSubject).orElse(null);
        try {
            BankPayment payment = bank.create(checkout.idempotencyKey(), buyer, payees, checkout.totalMinor(),
                    Math.min(seconds, 86_400), publicUrl + "/checkout/done.xhtml?checkout=" + checkoutId,
                    String.valueOf(checkoutId));
            if (!steps.paymentCreated(checkoutId, payment)) {
                // the checkout ended while the bank was asked: the payment must not stay payable
                bank.cancel(payment.id());
            }
            return view(checkoutId, null);
        } catch (BankPaymentException e) {
            if (e.unreachable()) {
                LOG.warning("No payment for checkout " + checkoutId + " yet: " + e.getMessage());
                return view(checkoutId, "The bank cannot be reached right now; your items stay reserved until "
                        + checkout.holdUntil() + ". Try paying again in a moment.");
            }
            LOG.warning("The bank refused the payment of checkout " + checkoutId + ": " + e.getMessage());
            steps.endUnpaid(checkoutId, CheckoutStatus.CANCELLED, "the bank refused the payment: " + e.problemType());
            return view(checkoutId, "The bank refused this payment (" + e.problemType()
                    + "); the orders were cancelled and nothing was charged.");
        }
    }

    private CheckoutView view(long checkoutId, String problem) {
        Checkout c = orders.checkout(checkoutId).orElseThrow();
        return new CheckoutView(c.id(), c.status(), Money.of(c.totalMinor()), c.paymentId(), c.cashierUrl(), problem,
                c.holdUntil(), views.of(orders.ofCheckout(checkoutId)));
    }
}
