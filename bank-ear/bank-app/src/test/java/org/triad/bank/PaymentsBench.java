package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.banking.MoneyMovements;
import org.triad.bank.application.banking.MovementRequest;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.oauth.AppForm;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.application.payments.Merchants;
import org.triad.bank.application.payments.internal.PaymentSteps;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.Payee;
import org.triad.bank.domain.model.payment.PaymentRepository;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * Benchmark, not a test (its name does not end in {@code IT}; {@code bench/run-payments.sh} runs it): the
 * confirmation of a payment to three payees, at 1 and 8 clients, inside the server:
 * <ol>
 * <li>{@code service}: {@code PaymentSteps.pay}, the transactional step the cashier's confirm runs after the
 * confirmations (lock the payment, settle buyer and three payees on the ledger, mark it PAID, record the
 * merchant's notification, audit);</li>
 * <li>{@code jdbc}: the same postings by hand in one local JDBC transaction: lock the payment row, check it is
 * CREATED, lock the four cards in id order, update four balances, insert one entry and four postings, mark the
 * payment PAID.</li>
 * </ol>
 * Each client pays from its own card; the three payee cards are shared by all clients (a marketplace's sellers).
 * A fresh payment for every call is created before the timer starts. Output: {@code triad.bench.out}.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentsBench {

    private static final BigDecimal OPENING = new BigDecimal("1000000.00");
    private static final String CASHIER = "https://localhost:9443/bank";

    @Deployment
    static EnterpriseArchive deployment() {
        String out = System.getProperty("bench.out", new File("target/payments-bench.txt").getAbsolutePath());
        String config = "triad.bench.out=" + out
                + "\ntriad.bench.clients=" + System.getProperty("bench.clients", "1,8")
                + "\ntriad.bench.warmup-seconds=" + System.getProperty("bench.warmup-seconds", "3")
                + "\ntriad.bench.seconds=" + System.getProperty("bench.seconds", "8");
        return Deployments.ear("bank", config, PaymentsBench.class, InContainerBench.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    MoneyMovements movements;

    @Inject
    OpenPlatform platform;

    @Inject
    Merchants merchants;

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentRepository payments;

    record Buyer(long customerId, long cardId) {
    }

    @Test
    void measure() throws Exception {
        Config config = ConfigProvider.getConfig();
        Path out = Path.of(config.getValue("triad.bench.out", String.class));
        int[] levels = Arrays.stream(config.getValue("triad.bench.clients", String.class).split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        double warmup = config.getValue("triad.bench.warmup-seconds", Double.class);
        double seconds = config.getValue("triad.bench.seconds", Double.class);
        String run = UUID.randomUUID().toString().substring(0, 8);

        var owner = onboarding.reviewedCustomerWithCard("Bench merchant", "bench-m-" + run + "@example.com",
                "bench-password-" + run, "123456", 0);
        String clientId = "bench-" + run;
        platform.seed(owner.customerId(), clientId, new AppForm("Bench shop", "https://bench.example/",
                "https://bench.example/cb", null, Set.of(Scopes.OPENID, Scopes.PAYMENTS), true, false, null, null,
                null, null), "bench-secret-" + run);
        merchants.describe(owner.customerId(), clientId, "Bench shop", owner.cardId(), "https://127.0.0.1:9/notify",
                List.of("https://bench.example/"));
        merchants.approve(owner.customerId(), clientId);
        Merchant merchant = payments.merchantOfClient(clientId).orElseThrow();
        List<Long> payees = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            payees.add(onboarding.reviewedCustomerWithCard("Bench seller " + i, "bench-s-" + run + "-" + i
                    + "@example.com", "bench-password-" + run, "123456", 0).cardId());
        }
        payees.add(owner.cardId());
        int clients = Math.max(1, Arrays.stream(levels).max().orElse(1));
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            var c = onboarding.reviewedCustomerWithCard("Bench buyer " + i, "bench-b-" + run + "-" + i
                    + "@example.com", "bench-password-" + run, "123456", 0);
            movements.move(new MovementRequest(EntryType.DEPOSIT, c.customerId(), c.cardId(), null,
                    new Money(OPENING), "opening-" + run));
            buyers.add(new Buyer(c.customerId(), c.cardId()));
        }
        DataSource ds = TriadDataSource.lookup();
        StringBuilder result = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            result.append("database ").append(c.getMetaData().getDatabaseProductName()).append(' ')
                    .append(c.getMetaData().getDatabaseProductVersion()).append('\n');
        }
        result.append("payees 3\n");
        InContainerBench.Preparation<String> newPayment = client -> create(merchant, payees);
        InContainerBench.PreparedOperation<String> service = (client, id) -> {
            Buyer b = buyers.get(client);
            steps.pay(b.customerId(), id, b.cardId(), CASHIER);
            return true;
        };
        InContainerBench.PreparedOperation<String> jdbc = (client, id) -> rawPay(ds, buyers.get(client), id, payees);
        for (int level : levels) {
            result.append(InContainerBench.phase("service", level, warmup, seconds, newPayment, service));
            result.append(InContainerBench.phase("jdbc", level, warmup, seconds, newPayment, jdbc));
        }
        try (Connection c = ds.getConnection()) {
            long unbalanced = count(c, "SELECT COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id"
                    + " HAVING SUM(amount) <> 0) u");
            result.append("check unbalanced-entries ").append(unbalanced).append('\n');
            assertThat(unbalanced).isZero();
        } finally {
            Files.writeString(out, result.toString(), StandardCharsets.UTF_8);
        }
    }

    private String create(Merchant merchant, List<Long> payees) {
        List<Payee> lines = List.of(new Payee(payees.get(0), "cr_a", Money.of("1.00"), "o-1", null),
                new Payee(payees.get(1), "cr_b", Money.of("2.00"), "o-2", null),
                new Payee(payees.get(2), null, Money.of("0.50"), "fee", null));
        return steps.create(merchant, lines, Money.of("3.50"), null, "https://bench.example/r", null,
                UUID.randomUUID().toString(), "bench", Instant.now().plusSeconds(600)).publicId();
    }

    /** The confirmation by hand, in one local transaction; false when the payment was not payable. */
    private static boolean rawPay(DataSource ds, Buyer buyer, String paymentId, List<Long> payees) throws SQLException {
        BigDecimal[] amounts = {new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("0.50")};
        BigDecimal total = new BigDecimal("3.50");
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long paymentRow;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT id, status FROM payment WHERE public_id = ? FOR UPDATE")) {
                        ps.setString(1, paymentId);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next() || !"CREATED".equals(rs.getString(2))) {
                                c.rollback();
                                return false;
                            }
                            paymentRow = rs.getLong(1);
                        }
                    }
                    long[] cards = {buyer.cardId(), payees.get(0), payees.get(1), payees.get(2)};
                    long[] sorted = Arrays.stream(cards).distinct().sorted().toArray();
                    java.util.Map<Long, BigDecimal> balance = new java.util.HashMap<>();
                    for (long id : sorted) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT balance FROM card WHERE id = ? FOR UPDATE")) {
                            ps.setLong(1, id);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                balance.put(id, rs.getBigDecimal(1));
                            }
                        }
                    }
                    BigDecimal buyerAfter = balance.get(buyer.cardId()).subtract(total);
                    if (buyerAfter.signum() < 0) {
                        c.rollback();
                        return false;
                    }
                    balance.put(buyer.cardId(), buyerAfter);
                    long entry = Ids.next();
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_entry (id, type, status,"
                            + " initiator_id, idempotency_key, request_hash, amount, created_at, reference)"
                            + " VALUES (?, 'PAYMENT', 'COMPLETED', ?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, entry);
                        ps.setLong(2, buyer.customerId());
                        ps.setString(3, "payment:" + paymentId);
                        ps.setString(4, Hashes.sha256Hex("payment|" + paymentId + "|" + buyer.cardId()));
                        ps.setBigDecimal(5, total);
                        ps.setTimestamp(6, Timestamp.from(Instant.now()));
                        ps.setString(7, paymentId);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE card SET balance = ?, version = version + 1 WHERE id = ?");
                         PreparedStatement posting = c.prepareStatement("INSERT INTO posting (id, entry_id, account,"
                                 + " card_id, amount, balance_after) VALUES (?, ?, 'CARD', ?, ?, ?)")) {
                        update.setBigDecimal(1, buyerAfter);
                        update.setLong(2, buyer.cardId());
                        update.executeUpdate();
                        posting.setLong(1, Ids.next());
                        posting.setLong(2, entry);
                        posting.setLong(3, buyer.cardId());
                        posting.setBigDecimal(4, total.negate());
                        posting.setBigDecimal(5, buyerAfter);
                        posting.executeUpdate();
                        for (int i = 0; i < 3; i++) {
                            long card = payees.get(i);
                            BigDecimal after = balance.get(card).add(amounts[i]);
                            balance.put(card, after);
                            update.setBigDecimal(1, after);
                            update.setLong(2, card);
                            update.executeUpdate();
                            posting.setLong(1, Ids.next());
                            posting.setLong(2, entry);
                            posting.setLong(3, card);
                            posting.setBigDecimal(4, amounts[i]);
                            posting.setBigDecimal(5, after);
                            posting.executeUpdate();
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE payment SET status = 'PAID', payer_id = ?,"
                            + " payer_card_id = ?, entry_id = ?, closed_at = ?, event_sequence = event_sequence + 1,"
                            + " version = version + 1 WHERE id = ?")) {
                        ps.setLong(1, buyer.customerId());
                        ps.setLong(2, buyer.cardId());
                        ps.setLong(3, entry);
                        ps.setTimestamp(4, Timestamp.from(Instant.now()));
                        ps.setLong(5, paymentRow);
                        ps.executeUpdate();
                    }
                    c.commit();
                    return true;
                } catch (SQLException e) {
                    c.rollback();
                    String state = e.getSQLState() == null ? "" : e.getSQLState();
                    boolean transientFailure = state.startsWith("40") || state.equals("HYT00")
                            || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
                    if (!transientFailure || attempt >= 5) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
