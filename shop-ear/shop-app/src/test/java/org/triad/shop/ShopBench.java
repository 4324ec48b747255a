package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.persistence.TriadDataSource;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleView;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * The shop benchmark ({@code bench/run-shop.sh}); NOT a test of the normal build: its name does not end in
 * {@code IT}, so failsafe runs it only when asked ({@code -Dit.test=ShopBench}). Inside the server, over HTTPS to the
 * shop's own REST API with bank access tokens (the test bank of {@link TestBank} signs them and takes the payments),
 * for 1, 8 and 200 closed-loop clients:
 * <ol>
 * <li><b>flash-sale attempts</b>: a fresh sale of {@code attempts / 4} units, {@code attempts} claim attempts of
 * distinct-per-round buyers interleaved (each buyer tries several times), against a <b>raw baseline</b>: the same
 * number of JDBC autocommit conditional updates {@code UPDATE flash_sale SET remaining = remaining - 1 WHERE id = ? AND
 * remaining > 0} on a sale row of the same size, with the same number of threads; checked: exactly the units granted,
 * one per buyer;</li>
 * <li><b>catalogue</b> during the 200-client round: two clients search the catalogue all the while;</li>
 * <li><b>checkout</b> (cart → orders → bank payment created) at 1 and 8 clients: {@code POST /api/v1/cart/lines},
 * {@code POST /api/v1/checkouts}.</li>
 * </ol>
 * The report (markdown) goes to the file named by {@code triad.bench.out}.
 */
@ExtendWith(ArquillianExtension.class)
class ShopBench {

    @Deployment
    static EnterpriseArchive deployment() {
        String out = System.getProperty("bench.out", new File("target/shop-bench.md").getAbsolutePath());
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG + "triad.bench.out=" + out + "\n"
                + "triad.bench.attempts=" + System.getProperty("bench.attempts", "1000,2000,4000") + "\n"
                + "triad.bench.checkouts=" + System.getProperty("bench.checkouts", "200") + "\n",
                TestBank.class, ShopFixture.class, ShopBench.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    FlashSaleService flash;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(TriadHttp.trustingPlatformCertificates()).connectTimeout(Duration.ofSeconds(20)).build();

    record Result(String name, int clients, int operations, int ok, double seconds, long[] nanos) {
        double perSecond() {
            return operations / seconds;
        }

        double ms(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }
    }

    @Test
    void measure() throws Exception {
        var config = ConfigProvider.getConfig();
        int[] attempts = Arrays.stream(config.getValue("triad.bench.attempts", String.class).split(","))
                .mapToInt(Integer::parseInt).toArray();
        int[] clients = {1, 8, 200};
        int checkouts = config.getValue("triad.bench.checkouts", Integer.class);
        ShopFixture fx = new ShopFixture(accounts, sellers, reviews);
        String run = ShopFixture.run();
        long admin = fx.admin();
        long seller = fx.seller("bench-seller-" + run);
        int maxAttempts = Arrays.stream(attempts).max().orElseThrow();
        long item = fx.published(seller, "Bench kettle " + run, "99.00", 1_000_000);
        int buyers = maxAttempts / 3;
        String[] tokens = new String[buyers];
        for (int i = 0; i < buyers; i++) {
            String subject = "bench-buyer-" + run + "-" + i;
            fx.user(subject);
            tokens[i] = TestBank.accessToken(subject, "sid-" + subject, "openid", 7200);
        }
        // warm-up: the paths compiled, connections open
        flashRound(item, admin, tokens, 200, 8, null);
        rawRound(item, admin, 200, 8);

        List<String[]> rows = new ArrayList<>();
        Result catalogue = null;
        for (int i = 0; i < clients.length; i++) {
            int n = attempts[Math.min(i, attempts.length - 1)];
            List<Long> catalogueNanos = clients[i] == 200 ? new ArrayList<>() : null;
            Result ours = flashRound(item, admin, tokens, n, clients[i], catalogueNanos);
            Result raw = rawRound(item, admin, n, clients[i]);
            rows.add(row(ours, raw));
            rows.add(row(raw, null));
            if (catalogueNanos != null) {
                long[] sorted = catalogueNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                catalogue = new Result("catalogue search during the sale", 2, sorted.length, sorted.length,
                        ours.seconds(), sorted);
            }
        }
        if (catalogue != null) {
            rows.add(row(catalogue, null));
        }
        for (int c : new int[] {1, 8}) {
            rows.add(row(checkoutRound(item, tokens, checkouts, c), null));
        }
        write(config.getValue("triad.bench.out", String.class), rows);
    }

    private Result flashRound(long item, long admin, String[] tokens, int attempts, int clients,
                              List<Long> catalogueNanos) throws Exception {
        int units = attempts / 4;
        int buyers = Math.min(tokens.length, attempts / 3);
        Instant now = Instant.now();
        FlashSaleView sale = flash.schedule(admin, new FlashSaleService.Schedule(item, "1.00", units, now,
                now.plusSeconds(3600), 600L));
        URI claims = URI.create(TestBank.SHOP_URL + "/api/v1/flash-sales/" + sale.id() + "/claims");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicBoolean going = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            workers.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < attempts; ) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(claims)
                            .header("Authorization", "Bearer " + tokens[k % buyers])
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    nanos.add(System.nanoTime() - t0);
                    if (r.statusCode() == 201) {
                        granted.incrementAndGet();
                    } else if (r.statusCode() != 409) {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        if (catalogueNanos != null) {
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    URI search = URI.create(TestBank.SHOP_URL + "/api/v1/catalogue/items?q=kettle");
                    while (going.get()) {
                        long t0 = System.nanoTime();
                        client.send(HttpRequest.newBuilder(search).GET().build(), HttpResponse.BodyHandlers.ofString());
                        synchronized (catalogueNanos) {
                            catalogueNanos.add(System.nanoTime() - t0);
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        going.set(false);
        for (Future<?> f : readers) {
            f.get();
        }
        pool.shutdown();
        assertThat(other.get()).as("answers other than 201/409").isZero();
        assertThat(granted.get()).as("units granted").isEqualTo(units);
        assertThat(ShopFixture.count("SELECT COUNT(DISTINCT buyer_id) FROM flash_claim WHERE sale_id = ?", sale.id()))
                .isEqualTo(units);
        assertThat(ShopFixture.count("SELECT remaining FROM flash_sale WHERE id = ?", sale.id())).isZero();
        flash.cancel(admin, sale.id());
        return new Result("flash-sale claim attempts (HTTPS)", clients, attempts, granted.get(), seconds,
                nanos.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** The baseline: the bare conditional update on a pool of the same size, autocommit, the same threads. */
    private Result rawRound(long item, long admin, int attempts, int clients) throws Exception {
        Instant now = Instant.now();
        int units = attempts / 4;
        FlashSaleView sale = flash.schedule(admin, new FlashSaleService.Schedule(item, "1.00", units, now,
                now.plusSeconds(3600), 600L));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            workers.add(pool.submit(() -> {
                try (Connection c = TriadDataSource.lookup().getConnection();
                     PreparedStatement ps = c.prepareStatement(
                             "UPDATE flash_sale SET remaining = remaining - 1 WHERE id = ? AND remaining > 0")) {
                    c.setAutoCommit(true);
                    for (int k; (k = next.getAndIncrement()) < attempts; ) {
                        long t0 = System.nanoTime();
                        ps.setLong(1, sale.id());
                        if (ps.executeUpdate() == 1) {
                            granted.incrementAndGet();
                        }
                        nanos.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        assertThat(granted.get()).isEqualTo(units);
        flash.cancel(admin, sale.id());
        return new Result("baseline: raw conditional UPDATE (JDBC)", clients, attempts, granted.get(), seconds,
                nanos.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Cart line + checkout over the REST API: orders placed, stock reserved, the bank payment created. */
    private Result checkoutRound(long item, String[] tokens, int checkouts, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        String contact = "{\"contactName\":\"Bench Buyer\",\"phone\":\"13800138000\",\"address\":\"1 Bench Road\"}";
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int buyer = t;
            workers.add(pool.submit(() -> {
                String auth = "Bearer " + tokens[buyer];
                while (next.getAndIncrement() < checkouts) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> added = client.send(HttpRequest.newBuilder(
                                    URI.create(TestBank.SHOP_URL + "/api/v1/cart/lines")).header("Authorization", auth)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"itemId\":" + item + ",\"quantity\":1}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> placed = client.send(HttpRequest.newBuilder(
                                    URI.create(TestBank.SHOP_URL + "/api/v1/checkouts")).header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(contact)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    nanos.add(System.nanoTime() - t0);
                    if (added.statusCode() / 100 == 2 && placed.statusCode() == 201
                            && placed.body().contains("\"cashierUrl\":\"https://")) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        assertThat(ok.get()).as("checkouts with a bank payment").isEqualTo(checkouts);
        return new Result("checkout: cart line + orders + bank payment (HTTPS)", clients, checkouts, ok.get(),
                seconds, nanos.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    private static String[] row(Result r, Result baseline) {
        return new String[] {r.name(), Integer.toString(r.clients()), Integer.toString(r.operations()),
                Integer.toString(r.ok()), String.format("%.0f", r.perSecond()), String.format("%.2f", r.ms(50)),
                String.format("%.2f", r.ms(90)), String.format("%.2f", r.ms(99)),
                String.format("%.2f", r.nanos().length == 0 ? Double.NaN : r.nanos()[r.nanos().length - 1] / 1e6),
                baseline == null ? "" : String.format("%.2f", r.perSecond() / baseline.perSecond())};
    }

    private static void write(String out, List<String[]> rows) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("| operation | clients | operations | ok | ops/s | p50 ms | p90 ms | p99 ms | max ms"
                + " | ratio to baseline |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        Path path = Path.of(out);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, md.toString(), StandardCharsets.UTF_8);
        System.out.println("SHOP-BENCH\n" + md);
    }
}
