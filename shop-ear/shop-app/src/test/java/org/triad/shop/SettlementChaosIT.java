package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.persistence.TriadDataSource;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.UserView;
import org.triad.shop.application.orders.CartService;
import org.triad.shop.application.orders.CheckoutSteps;
import org.triad.shop.application.orders.SettlementService;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.infrastructure.bank.BankPayment;
import org.triad.testkit.Deployments;

/**
 * Notification chaos on the real shop.ear and its database: 100 checkouts of two sellers each (stock really
 * reserved), then the bank's 110 events about their payments (paid, expired, cancelled, and for ten of the paid ones
 * a later partial refund) delivered 1,000 times — shuffled, each one many times, newer ones before older ones — by 8
 * threads at once, while a "reconciliation" thread reports the bank's final state of some payments in between.
 * Every checkout and order must end in the bank's final state, no event may be applied twice, no paid order may ever
 * have been moved back (its timeline is checked), and the stock of the unpaid checkouts comes back exactly once.
 * (Signature checks of the notify endpoint are covered by the platform's system test; here the events go straight
 * to {@link SettlementService}, as the endpoint hands them over after verifying them.)
 */
@ExtendWith(ArquillianExtension.class)
class SettlementChaosIT {

    private static final int CHECKOUTS = 100;
    private static final int DELIVERIES = 1000;
    private static final long TEA_WARE = 7;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, SettlementChaosIT.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    CartService carts;

    @EJB
    CheckoutSteps steps;

    @EJB
    SettlementService settlement;

    /** The bank's truth about one payment: its events in the order the bank sent them, and its final state. */
    private record Truth(long checkoutId, String paymentId, List<Event> events, BankPayment last, String finalStatus,
                         Map<Long, String> orderStatus, Long refundedOrder) {
    }

    private record Event(String id, String type, BankPayment payment) {
    }

    @Test
    void shuffledDuplicatedAndLateEventsEndEveryOrderInTheBanksStateAndNeverMoveAPaidOrderBack() throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        long buyer = user("chaos-buyer-" + run);
        long teaSeller = seller("chaos-tea-" + run);
        long cupSeller = seller("chaos-cup-" + run);
        long admin = accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
        long tea = published(teaSeller, admin, "Chaos tea " + run, "12.30", 1000);
        long cup = published(cupSeller, admin, "Chaos cup " + run, "4.50", 1000);

        // 100 checkouts, each with one order per seller, their stock reserved, and a bank payment recorded
        List<Truth> truths = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            carts.add(CartService.userOwner(buyer), tea, 1, null);
            carts.add(CartService.userOwner(buyer), cup, 2, null);
            long checkout = steps.place(buyer, new Checkout.Contact("Chaos Buyer", "13800138000",
                    "1 Chaos Road, Shanghai"), Duration.ofMinutes(15));
            truths.add(truth(checkout, "pay_chaos_" + run + "_" + i, i));
        }
        assertThat(stock(tea)).isEqualTo(1000 - CHECKOUTS);
        assertThat(stock(cup)).isEqualTo(1000 - 2 * CHECKOUTS);

        // 1,000 deliveries of the 110 events: every event at least once, the rest random repeats, all shuffled
        List<Event> unique = new ArrayList<>();
        truths.forEach(t -> unique.addAll(t.events()));
        assertThat(unique).hasSize(110);
        Random random = new Random(42);
        List<Event> deliveries = new ArrayList<>(unique);
        while (deliveries.size() < DELIVERIES) {
            deliveries.add(unique.get(random.nextInt(unique.size())));
        }
        Collections.shuffle(deliveries, random);
        // the newest event of the refunded payments goes out first, the older "paid" later: out of order for sure
        for (Truth t : truths) {
            if (t.events().size() == 2) {
                deliveries.add(0, t.events().get(1));
                deliveries.add(t.events().get(0));
            }
        }

        Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> running = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < 8; w++) {
            running.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < deliveries.size(); ) {
                    Event e = deliveries.get(k);
                    SettlementService.Outcome outcome = settlement.notified(e.id(), e.type(), e.payment());
                    assertThat(outcome).as(e.id()).isNotIn(SettlementService.Outcome.MISMATCH,
                            SettlementService.Outcome.UNKNOWN);
                    if (outcome == SettlementService.Outcome.APPLIED) {
                        applied.computeIfAbsent(e.id(), x -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        // reconciliation asks the bank meanwhile and is told the final state of every fifth payment
        running.add(pool.submit(() -> {
            for (int i = 0; i < truths.size(); i += 5) {
                Truth t = truths.get(i);
                assertThat(settlement.observed(t.checkoutId(), t.last())).isNotEqualTo(
                        SettlementService.Outcome.MISMATCH);
            }
            return null;
        }));
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        assertThat(applied.values()).allSatisfy(n -> assertThat(n.get()).as("times applied").isEqualTo(1));
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            int unpaid = 0;
            for (Truth t : truths) {
                assertThat(single(c, "SELECT status FROM checkout WHERE id = ?", t.checkoutId()))
                        .as("checkout of " + t.paymentId()).isEqualTo(t.finalStatus());
                for (Map.Entry<Long, String> o : t.orderStatus().entrySet()) {
                    assertThat(single(c, "SELECT status FROM shop_order WHERE id = ?", o.getKey()))
                            .as("order " + o.getKey() + " of " + t.paymentId()).isEqualTo(o.getValue());
                    assertTimelineNeverMovesBack(c, o.getKey(), o.getValue());
                    assertThat(count(c, "SELECT COUNT(*) FROM order_event WHERE order_id = ? AND note LIKE 'paid at%'",
                            o.getKey())).as("paid notes of order " + o.getKey())
                            .isEqualTo(o.getValue().equals("PAID") ? 1 : 0);
                    assertThat(count(c, "SELECT refunded_minor FROM shop_order WHERE id = ?", o.getKey()))
                            .as("refunded of order " + o.getKey()).isEqualTo(o.getKey().equals(t.refundedOrder()) ? 100 : 0);
                }
                if (!t.finalStatus().equals("PAID")) {
                    unpaid++;
                }
                // each event of the payment is recorded once, whatever happened to it
                assertThat(count(c, "SELECT COUNT(*) FROM bank_event WHERE payment_id = ?", t.paymentId()))
                        .isEqualTo(t.events().size());
            }
            assertThat(unpaid).isEqualTo(40);
            // the unpaid checkouts' units came back exactly once
            assertThat(stock(tea)).isEqualTo(1000 - CHECKOUTS + unpaid);
            assertThat(stock(cup)).isEqualTo(1000 - 2 * (CHECKOUTS - unpaid));
        }
    }

    /**
     * What the bank says about payment {@code i}: six in ten paid (every tenth later refunded 1.00 of its tea order),
     * two in ten expired, two in ten cancelled by the buyer at the cashier.
     */
    private Truth truth(long checkoutId, String paymentId, int i) throws SQLException {
        Map<Long, Long> amounts = new LinkedHashMap<>();
        Map<Long, String> refs = new HashMap<>();
        long total = 0;
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, total_minor, payee_card_ref FROM shop_order WHERE checkout_id = ? ORDER BY id")) {
            ps.setLong(1, checkoutId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    amounts.put(rs.getLong(1), rs.getLong(2));
                    refs.put(rs.getLong(1), rs.getString(3));
                    total += rs.getLong(2);
                }
            }
        }
        assertThat(amounts).hasSize(2);
        Instant expires = Instant.now().plusSeconds(900);
        BankPayment created = payment(paymentId, "CREATED", total, 0, 1, expires, amounts, refs, null);
        assertThat(steps.paymentCreated(checkoutId, created)).isTrue();
        int kind = i % 10;
        Map<Long, String> orderStatus = new LinkedHashMap<>();
        List<Event> events = new ArrayList<>();
        if (kind < 6) {
            BankPayment paid = payment(paymentId, "PAID", total, 0, 2, expires, amounts, refs, null);
            events.add(new Event("evt_" + paymentId + "_paid", "payment.paid", paid));
            amounts.keySet().forEach(id -> orderStatus.put(id, "PAID"));
            if (kind == 0) {
                long teaOrder = amounts.keySet().iterator().next();
                BankPayment refunded = payment(paymentId, "PARTIALLY_REFUNDED", total, 100, 3, expires, amounts, refs,
                        teaOrder);
                events.add(new Event("evt_" + paymentId + "_refund", "payment.refunded", refunded));
                // refunded at the bank without a request in the shop: the order stays PAID, its refunded sum moves
                return new Truth(checkoutId, paymentId, events, refunded, "PAID", orderStatus, teaOrder);
            }
            return new Truth(checkoutId, paymentId, events, paid, "PAID", orderStatus, null);
        }
        String status = kind < 8 ? "EXPIRED" : "CANCELLED";
        BankPayment ended = payment(paymentId, status, total, 0, 2, expires, amounts, refs, null);
        events.add(new Event("evt_" + paymentId + "_" + status.toLowerCase(), "payment." + status.toLowerCase(), ended));
        amounts.keySet().forEach(id -> orderStatus.put(id, status));
        return new Truth(checkoutId, paymentId, events, ended, status, orderStatus, null);
    }

    static BankPayment payment(String id, String status, long total, long refunded, long sequence,
                                       Instant expires, Map<Long, Long> amounts, Map<Long, String> refs,
                                       Long refundedOrder) {
        Map<String, BankPayment.Line> lines = new LinkedHashMap<>();
        amounts.forEach((order, amount) -> lines.put("o-" + order, new BankPayment.Line(refs.get(order), amount,
                order.equals(refundedOrder) ? refunded : 0)));
        return new BankPayment(id, status, total, refunded, sequence, "https://localhost:9443/bank/pay/" + id, expires,
                lines);
    }

    /**
     * The order's timeline: PENDING_PAYMENT first, then only forward moves, the final state last (a note in the same
     * state, such as a refund at the bank, repeats it; nothing else may).
     */
    private static void assertTimelineNeverMovesBack(Connection c, long orderId, String finalStatus)
            throws SQLException {
        List<String> timeline = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM order_event WHERE order_id = ? ORDER BY at, id")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(1);
                    if (timeline.isEmpty() || !timeline.get(timeline.size() - 1).equals(status)) {
                        timeline.add(status);
                    }
                }
            }
        }
        List<String> expected = List.of("PENDING_PAYMENT", finalStatus);
        assertThat(timeline).as("timeline of order " + orderId).containsExactlyElementsOf(expected);
    }

    private long user(String subject) {
        return accounts.userForBankSubject(subject).id();
    }

    private long seller(String subject) {
        UserView user = accounts.userForBankSubject(subject);
        accounts.bindCard(user.id(), CardPurpose.PAYOUT, List.of(new BankCard("cref-" + subject, "6200 ****", null,
                "ACTIVE")), "cref-" + subject);
        accounts.becomeSeller(user.id(), ShopUser.SELLER_TERMS_VERSION);
        return user.id();
    }

    private long published(long seller, long admin, String title, String price, int stock) {
        ItemView item = sellers.create(seller, new ItemForm(title, "For the chaos test.", TEA_WARE, price, stock, null));
        sellers.submit(seller, item.id());
        reviews.approve(admin, item.id());
        return item.id();
    }

    private static int stock(long item) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            return (int) count(c, "SELECT stock FROM item WHERE id = ?", item);
        }
    }

    private static long count(Connection c, String sql, Object parameter) throws SQLException {
        return Long.parseLong(single(c, sql, parameter));
    }

    private static String single(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
