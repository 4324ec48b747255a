package org.triad.shop.application.orders;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.RefundRequest;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.infrastructure.bank.BankPaymentException;
import org.triad.shop.infrastructure.bank.BankPayments;

/**
 * The shop's safety net, every {@code triad.shop.reconciliation.interval-seconds} (30) on every instance (each step
 * is idempotent and takes the checkout's lock, so two instances doing it at once change nothing twice):
 * <ol>
 * <li>open checkouts past their hold (plus {@code grace-seconds}, 60): the bank is asked for the payment and its
 * answer applied — a lost notification never leaves an order unpaid or its stock held; a checkout that never got a
 * payment is cancelled and its stock given back;</li>
 * <li>approved refunds the bank has not taken yet (it was unreachable) are asked again with the same key;</li>
 * <li>orders shipped {@code triad.shop.orders.auto-complete-days} (10) ago are completed;</li>
 * <li>anonymous carts untouched for 30 days are dropped.</li>
 * </ol>
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
    private static final int BATCH = 100;

    @Resource
    TimerService timers;

    @Inject
    OrderRepository orders;

    @Inject
    BankPayments bank;

    @EJB
    SettlementService settlement;

    @EJB
    CheckoutSteps steps;

    @EJB
    OrderSteps orderSteps;

    @EJB
    OrderService orderService;

    @EJB
    CartPurge cartPurge;

    @Inject
    @ConfigProperty(name = "triad.shop.reconciliation.interval-seconds", defaultValue = "30")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "triad.shop.reconciliation.grace-seconds", defaultValue = "60")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "triad.shop.orders.auto-complete-days", defaultValue = "10")
    long autoCompleteDays;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        TimerConfig config = new TimerConfig("shop-reconciliation", false);
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, config);
    }

    @Timeout
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciliation round failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** One round; returns how many checkouts it settled or ended. */
    public int run(Instant now) {
        int settled = 0;
        for (Checkout checkout : orders.openPast(now.minusSeconds(graceSeconds), BATCH)) {
            try {
                if (checkout.paymentId() == null) {
                    settled += steps.endUnpaid(checkout.id(), CheckoutStatus.CANCELLED,
                            "no payment was made before the hold ended") ? 1 : 0;
                } else {
                    var outcome = settlement.observed(checkout.id(), bank.get(checkout.paymentId()));
                    settled += outcome == SettlementService.Outcome.APPLIED ? 1 : 0;
                }
            } catch (BankPaymentException e) {
                LOG.info(() -> "Reconciliation: the bank did not answer for " + checkout.paymentId() + ": "
                        + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reconciliation of checkout " + checkout.id() + " failed", e);
            }
        }
        for (RefundRequest request : orders.refundsIn(List.of(RefundStatus.APPROVED), null, 0, BATCH)) {
            if (request.decidedAt() != null && request.decidedAt().isBefore(now.minusSeconds(graceSeconds))) {
                orderService.askBank(request.id());
            }
        }
        for (ShopOrder order : orders.shippedBefore(now.minus(Duration.ofDays(autoCompleteDays)), BATCH)) {
            try {
                orderSteps.complete(null, order.id(), "completed automatically " + autoCompleteDays
                        + " days after shipping");
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Order " + order.id() + " not completed automatically", e);
            }
        }
        cartPurge.purge(now.minus(Duration.ofDays(30)));
        return settled;
    }
}
