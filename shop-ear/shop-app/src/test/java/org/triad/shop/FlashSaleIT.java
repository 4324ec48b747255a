package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.persistence.TriadDataSource;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.flash.FlashClaimView;
import org.triad.shop.application.flash.FlashExpiry;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleSteps;
import org.triad.shop.application.flash.FlashSaleView;
import org.triad.shop.application.orders.CheckoutSteps;
import org.triad.shop.application.orders.SettlementService;
import org.triad.shop.domain.model.flash.FlashSaleStatus;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.infrastructure.bank.BankPayment;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Flash sales on the real shop.ear and its database: the rules one by one (one unit per buyer, sold out, not
 * started, own item, lapsed claims and unpaid checkouts giving their unit back, the leftovers returned to the item
 * when the sale ends), and a crowd — 4,000 attempts of 1,100 buyers from 200 concurrent HTTPS clients on 1,000
 * units — that must get exactly the units, each winner one, while the catalogue is timed.
 */
@ExtendWith(ArquillianExtension.class)
class FlashSaleIT {

    private static final Checkout.Contact CONTACT = new Checkout.Contact("Flash Buyer", "13800138000",
            "8 Flash Road, Hangzhou");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, SettlementChaosIT.class,
                ShopFixture.class, FlashSaleIT.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    FlashSaleService flash;

    @EJB
    FlashSaleSteps flashSteps;

    @EJB
    FlashExpiry expiry;

    @EJB
    CheckoutSteps checkoutSteps;

    @EJB
    SettlementService settlement;

    private ShopFixture fixture;

    private ShopFixture fixture() {
        if (fixture == null) {
            fixture = new ShopFixture(accounts, sellers, reviews);
        }
        return fixture;
    }

    private String run() {
        return ShopFixture.run();
    }

    private long admin() {
        return fixture().admin();
    }

    private long user(String subject) {
        return fixture().user(subject);
    }

    private long seller(String subject) {
        return fixture().seller(subject);
    }

    private long published(long seller, long admin, String title, String price, int stock) {
        return fixture().published(seller, title, price, stock);
    }

    @Test
    void oneUnitPerBuyerSoldOutAndEveryUnpaidUnitComesBack() throws Exception {
        String run = run();
        long admin = admin();
        long seller = seller("flash-seller-" + run);
        long item = published(seller, admin, "Flash teapot " + run, "50.00", 20);
        Instant now = Instant.now();

        // what an admin may not schedule changes nothing
        assertRefused(() -> flash.schedule(admin, sale(item, "50.00", 3, now, now.plusSeconds(3600), 60L)),
                "flash-price-not-below");
        assertRefused(() -> flash.schedule(admin, sale(item, "9.90", 21, now, now.plusSeconds(3600), 60L)),
                "not-enough-stock");
        assertRefused(() -> flash.schedule(admin, sale(item, "9.90", 3, now, now.minusSeconds(1), 60L)),
                "invalid-endsAt");
        assertRefused(() -> flash.schedule(admin, sale(item, "9.90", 3, now, now.plusSeconds(3600), 1L)),
                "invalid-claimHoldSeconds");
        assertRefused(() -> flash.schedule(admin, sale(item, "9.9x", 3, now, now.plusSeconds(3600), 60L)),
                "invalid-price");
        assertThat(stock(item)).isEqualTo(20);

        // an upcoming sale holds its units and refuses claims; cancelled, they come back
        FlashSaleView later = flash.schedule(admin, sale(item, "19.90", 2, now.plusSeconds(3600),
                now.plusSeconds(7200), 60L));
        FlashSaleView sale = flash.schedule(admin, sale(item, "9.90", 3, now, now.plusSeconds(3600), 60L));
        assertThat(stock(item)).isEqualTo(15);
        long b1 = user("flash-b1-" + run);
        long b2 = user("flash-b2-" + run);
        long b3 = user("flash-b3-" + run);
        long b4 = user("flash-b4-" + run);
        assertRefused(() -> flash.claim(b1, later.id()), "flash-sale-not-started");
        flash.cancel(admin, later.id());
        assertThat(stock(item)).isEqualTo(17);
        assertRefused(() -> flash.claim(b1, later.id()), "flash-sale-ended");
        assertRefused(() -> flash.cancel(admin, later.id()), "flash-sale-ended");

        // three units: one each, the second try of a buyer and the fourth buyer are refused, the seller too
        FlashClaimView c1 = flash.claim(b1, sale.id());
        assertThat(c1.status()).isEqualTo("CLAIMED");
        assertRefused(() -> flash.claim(b1, sale.id()), "flash-already-claimed");
        assertRefused(() -> flash.claim(seller, sale.id()), "own-item");
        FlashClaimView c2 = flash.claim(b2, sale.id());
        FlashClaimView c3 = flash.claim(b3, sale.id());
        assertRefused(() -> flash.claim(b4, sale.id()), "flash-sold-out");
        assertRefused(() -> flash.claim(b4, sale.id()), "flash-sold-out");
        assertThat(remaining(sale.id())).isZero();

        // b1 checks out and pays: the order is PAID at the flash price; checking out again is the same checkout
        // (the checkout's transaction; its bank payment is asked for by FlashSaleService outside it, which needs the
        // instance's TLS trust from the CA, so the platform's ShopFlashSaleUiIT covers that part)
        long k1 = flashSteps.checkout(b1, c1.id(), CONTACT, Duration.ofMinutes(10), Instant.now());
        assertThat(flashSteps.checkout(b1, c1.id(), CONTACT, Duration.ofMinutes(10), Instant.now())).isEqualTo(k1);
        assertRefused(() -> flashSteps.checkout(b2, c1.id(), CONTACT, Duration.ofMinutes(10), Instant.now()),
                "flash-claim-not-found");
        assertThat(single("SELECT total_minor FROM checkout WHERE id = ?", k1)).isEqualTo("990");
        settle(k1, "pay_flash_" + run + "_1", "PAID");
        assertThat(single("SELECT status FROM shop_order WHERE checkout_id = ?", k1)).isEqualTo("PAID");

        // b2 checks out; its payment is still open
        long k2 = flashSteps.checkout(b2, c2.id(), CONTACT, Duration.ofMinutes(10), Instant.now());

        // b3 never checks out: past the hold the sweep releases the claim, b3 may try again and gets it back (two
        // seconds past: on MariaDB the driver may send the sweep's clock to the second)
        expiry.sweep(c3.holdUntil().plusSeconds(2));
        assertThat(flash.claimOf(b3, c3.id()).status()).isEqualTo("RELEASED");
        assertThat(flash.claimOf(b2, c2.id()).status()).isEqualTo("ORDERED");
        assertRefused(() -> flashSteps.checkout(b3, c3.id(), CONTACT, Duration.ofMinutes(10), Instant.now()),
                "flash-claim-lapsed");
        assertThat(remaining(sale.id())).isEqualTo(1);
        assertThat(flash.claim(b3, sale.id()).status()).isEqualTo("CLAIMED");
        assertThat(flash.claims(b3)).extracting(FlashClaimView::status).containsExactly("CLAIMED", "RELEASED");
        assertThat(remaining(sale.id())).isZero();

        // b2's payment expires: the unit goes back to the sale, and b4 can have it
        settle(k2, "pay_flash_" + run + "_2", "EXPIRED");
        assertThat(single("SELECT status FROM shop_order WHERE checkout_id = ?", k2)).isEqualTo("EXPIRED");
        assertThat(flash.claimOf(b2, c2.id()).status()).isEqualTo("RELEASED");
        assertThat(remaining(sale.id())).isEqualTo(1);
        FlashClaimView c4 = flash.claim(b4, sale.id());
        assertThat(c4.status()).isEqualTo("CLAIMED");
        // the notification again changes nothing (no second unit back)
        settle(k2, "pay_flash_" + run + "_2", "EXPIRED");
        assertThat(remaining(sale.id())).isZero();

        Map<String, Long> counts = flash.sale(sale.id(), true).claims();
        assertThat(counts).containsEntry("ORDERED", 1L).containsEntry("PAID", 1L).containsEntry("CLAIMED", 2L)
                .containsEntry("RELEASED", 2L);

        // the sale ends: nothing is left in the pool to return, the claims still held stand; a claim released after
        // the end gives its unit to the item itself, once
        assertThat(flashSteps.end(null, sale.id(), FlashSaleStatus.CLOSED,
                Instant.now())).isTrue();
        assertThat(single("SELECT status FROM flash_sale WHERE id = ?", sale.id())).isEqualTo("CLOSED");
        assertThat(stock(item)).isEqualTo(17);
        assertThat(flashSteps.releaseLapsed(c4.id(), Instant.now())).isTrue();
        assertThat(flashSteps.releaseLapsed(c4.id(), Instant.now())).isFalse();
        assertThat(stock(item)).isEqualTo(18);
        assertThat(remaining(sale.id())).isZero();
        assertRefused(() -> flash.claim(b2, sale.id()), "flash-sale-ended");
    }

    @Test
    void fourThousandAttemptsOfTwoHundredClientsGetExactlyTheUnitsAndReleasedUnitsAreBoughtAgain() throws Exception {
        int units = 1000;
        int buyers = 1100;
        int attempts = 4000;
        int clients = 200;
        String run = run();
        long admin = admin();
        long seller = seller("flash-crowd-seller-" + run);
        long item = published(seller, admin, "Crowd kettle " + run, "99.00", units + 50);
        Instant now = Instant.now();
        FlashSaleView sale = flash.schedule(admin, sale(item, "1.00", units, now, now.plusSeconds(3600), 600L));
        long[] ids = new long[buyers];
        String[] tokens = new String[buyers];
        for (int i = 0; i < buyers; i++) {
            String subject = "flash-crowd-" + run + "-" + i;
            ids[i] = user(subject);
            tokens[i] = TestBank.accessToken(subject, "sid-" + subject, "openid", 3600);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TriadHttp.trustingPlatformCertificates()).connectTimeout(Duration.ofSeconds(20)).build();
        URI claims = URI.create(TestBank.SHOP_URL + "/api/v1/flash-sales/" + sale.id() + "/claims");

        // the crowd: every buyer tries three or four times, all interleaved, 200 at a time; the catalogue is timed
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> problems = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean crowd = new AtomicBoolean(true);
        List<Long> catalogueNanos = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            running.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < attempts; ) {
                    int buyer = k % buyers;
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(claims)
                            .header("Authorization", "Bearer " + tokens[buyer]).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(r.statusCode(), x -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() != 201) {
                        problems.computeIfAbsent(problemType(r), x -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (int t = 0; t < 2; t++) {
            running.add(pool.submit(() -> {
                URI catalogue = URI.create(TestBank.SHOP_URL + "/api/v1/catalogue/items?q=kettle");
                while (crowd.get()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(catalogue).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    catalogueNanos.add(System.nanoTime() - t0);
                    assertThat(r.statusCode()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> f : running.subList(0, clients)) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        crowd.set(false);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        assertThat(statuses.keySet()).as("statuses " + statuses + ", problems " + problems).containsOnly(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(units);
        assertThat(statuses.get(409).get()).isEqualTo(attempts - units);
        assertThat(problems.keySet()).isSubsetOf("flash-sold-out", "flash-already-claimed");
        assertThat(remaining(sale.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM flash_claim WHERE sale_id = ?", sale.id())).isEqualTo(units);
        assertThat(count("SELECT COUNT(DISTINCT buyer_id) FROM flash_claim WHERE sale_id = ?", sale.id()))
                .isEqualTo(units);
        long[] sorted = catalogueNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("FLASH-SALE %d attempts, %d clients, %.0f attempts/s; catalogue during the sale: %d"
                        + " requests, p50 %.1f ms, p99 %.1f ms; %s%n", attempts, clients, attempts / seconds,
                sorted.length, percentile(sorted, 50), percentile(sorted, 99), problems);

        // 900 winners check out; the other 100 let their claims lapse, and the 100 buyers who got nothing buy them
        List<long[]> won = new ArrayList<>();
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, buyer_id FROM flash_claim WHERE sale_id = ?"
                     + " ORDER BY id")) {
            ps.setLong(1, sale.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        java.util.Set<Long> winners = new java.util.HashSet<>();
        for (long[] claim : won) {
            winners.add(claim[1]);
            if (winners.size() <= 900) {
                flashSteps.checkout(claim[1], claim[0], CONTACT, Duration.ofMinutes(10), Instant.now());
            }
        }
        expiry.sweep(Instant.now().plusSeconds(601));
        assertThat(count("SELECT COUNT(*) FROM flash_claim WHERE sale_id = ? AND status = 'RELEASED'", sale.id()))
                .isEqualTo(100);
        assertThat(remaining(sale.id())).isEqualTo(100);
        int bought = 0;
        for (int i = 0; i < buyers; i++) {
            if (!winners.contains(ids[i])) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(claims)
                        .header("Authorization", "Bearer " + tokens[i]).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                bought++;
            }
        }
        assertThat(bought).isEqualTo(100);
        assertThat(remaining(sale.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM flash_claim WHERE sale_id = ? AND holder_id IS NOT NULL", sale.id()))
                .isEqualTo(units);
        assertThat(count("SELECT COUNT(DISTINCT holder_id) FROM flash_claim WHERE sale_id = ?", sale.id()))
                .isEqualTo(units);
        // nothing was taken from the item beyond the sale's units
        assertThat(stock(item)).isEqualTo(50);
    }

    private void settle(long checkoutId, String givenPaymentId, String status) throws SQLException {
        String paymentId = givenPaymentId;
        long order = count("SELECT id FROM shop_order WHERE checkout_id = ?", checkoutId);
        long total = count("SELECT total_minor FROM shop_order WHERE id = ?", order);
        String ref = single("SELECT payee_card_ref FROM shop_order WHERE id = ?", order);
        Instant expires = Instant.now().plusSeconds(600);
        String existing = single("SELECT COALESCE(payment_id, '') FROM checkout WHERE id = ?", checkoutId);
        if (existing.isEmpty()) {
            checkoutSteps.paymentCreated(checkoutId, SettlementChaosIT.payment(paymentId, "CREATED", total, 0, 1,
                    expires, Map.of(order, total), Map.of(order, ref), null));
        } else {
            paymentId = existing;
        }
        BankPayment ended = SettlementChaosIT.payment(paymentId, status, total, 0, 2, expires, Map.of(order, total),
                Map.of(order, ref), null);
        assertThat(settlement.notified("evt_" + paymentId + "_" + status, "payment." + status.toLowerCase(), ended))
                .isIn(SettlementService.Outcome.APPLIED, SettlementService.Outcome.DUPLICATE);
    }

    private static FlashSaleService.Schedule sale(long item, String price, int units, Instant start, Instant end,
                                                  Long hold) {
        return new FlashSaleService.Schedule(item, price, units, start, end, hold);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShopRuleException.class,
                e -> assertThat(e.problemType()).isEqualTo(type));
    }

    private static String problemType(HttpResponse<String> r) {
        try {
            JsonObject problem = Json.createReader(new StringReader(r.body())).readObject();
            String type = problem.getString("type", "");
            return type.substring(type.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return r.statusCode() + ": " + r.body();
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static int remaining(long sale) throws SQLException {
        return (int) count("SELECT remaining FROM flash_sale WHERE id = ?", sale);
    }

    private static int stock(long item) throws SQLException {
        return (int) count("SELECT stock FROM item WHERE id = ?", item);
    }

    private static long count(String sql, Object parameter) throws SQLException {
        return ShopFixture.count(sql, parameter);
    }

    private static String single(String sql, Object parameter) throws SQLException {
        return ShopFixture.single(sql, parameter);
    }
}
