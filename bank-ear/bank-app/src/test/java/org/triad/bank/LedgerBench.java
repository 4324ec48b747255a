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
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * The in-container half of the bank benchmark (issue 4, {@code bench/run-bank.sh}); NOT a test of the normal build:
 * its name does not end in {@code IT}, so failsafe only runs it when asked ({@code -Dit.test=LedgerBench}).
 * <p>
 * Inside the server, against the bank's own data source (the database the server was started with), with 1 and 8
 * closed-loop threads each:
 * <ol>
 * <li><b>service layer</b>: {@link MoneyMovements#move} transfers of 0.01 (what {@code Banking.transfer} calls after
 * checking the pay password and the code): one JTA transaction per transfer, recipient lookup, two
 * {@code SELECT ... FOR UPDATE} in id order, idempotency lookup, two balance updates, one journal entry, two
 * postings, one audit row;</li>
 * <li><b>raw JDBC</b>: the same two row locks ({@code SELECT ... FOR UPDATE} per row, ascending id), two balance
 * updates and the inserts of one journal entry and two postings, one local JDBC transaction per transfer.</li>
 * </ol>
 * Client {@code i} moves money from card {@code i} to card {@code (i + 1) mod n} of a ring of fresh cards, so with
 * 8 clients every card is debited by one client and credited by another. Latencies (ns) go to the file named by
 * {@code triad.bench.out} (default {@code target/ledger-bench.txt}); {@code bench/run-bank.sh} reads it.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerBench {

    private static final BigDecimal OPENING = new BigDecimal("1000000.00");
    private static final Money AMOUNT = Money.of("0.01");

    @Deployment
    static EnterpriseArchive deployment() {
        String out = System.getProperty("bench.out", new File("target/ledger-bench.txt").getAbsolutePath());
        String config = "triad.bench.out=" + out
                + "\ntriad.bench.clients=" + System.getProperty("bench.clients", "1,8")
                + "\ntriad.bench.warmup-seconds=" + System.getProperty("bench.warmup-seconds", "3")
                + "\ntriad.bench.seconds=" + System.getProperty("bench.seconds", "8");
        return Deployments.ear("bank", config, LedgerBench.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    MoneyMovements movements;

    record Account(long customerId, long cardId, String number) {
    }

    interface Transfer {
        /** One transfer from {@code from} to {@code to}; returns false when it was refused (counted, not timed). */
        boolean run(Account from, Account to) throws Exception;
    }

    @Test
    void measure() throws Exception {
        Config config = ConfigProvider.getConfig();
        Path out = Path.of(config.getValue("triad.bench.out", String.class));
        int[] levels = Arrays.stream(config.getValue("triad.bench.clients", String.class).split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        double warmup = config.getValue("triad.bench.warmup-seconds", Double.class);
        double seconds = config.getValue("triad.bench.seconds", Double.class);
        int cards = Math.max(2, Arrays.stream(levels).max().orElse(1));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Account> ring = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            var c = onboarding.reviewedCustomerWithCard("Bench " + i, "bench-" + run + "-" + i + "@example.com",
                    "bench-password-" + run, "123456", 0);
            movements.move(new MovementRequest(EntryType.DEPOSIT, c.customerId(), c.cardId(), null,
                    new Money(OPENING), "opening-" + run));
            ring.add(new Account(c.customerId(), c.cardId(), c.cardNumber()));
        }
        DataSource ds = TriadDataSource.lookup();
        StringBuilder result = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            result.append("database ").append(c.getMetaData().getDatabaseProductName()).append(' ')
                    .append(c.getMetaData().getDatabaseProductVersion()).append('\n');
        }
        result.append("cards ").append(cards).append('\n');
        Transfer service = (from, to) -> {
            movements.move(new MovementRequest(EntryType.TRANSFER, from.customerId(), from.cardId(), to.number(),
                    AMOUNT, UUID.randomUUID().toString()));
            return true;
        };
        Transfer jdbc = (from, to) -> rawTransfer(ds, from, to);
        int n = ring.size();
        for (int clients : levels) {
            result.append(InContainerBench.phase("service", clients, warmup, seconds,
                    client -> service.run(ring.get(client % n), ring.get((client + 1) % n))));
            result.append(InContainerBench.phase("jdbc", clients, warmup, seconds,
                    client -> jdbc.run(ring.get(client % n), ring.get((client + 1) % n))));
        }
        // The invariants: no money created or lost in the ring, every card's postings sum to its balance.
        String in = ring.stream().map(a -> String.valueOf(a.cardId())).collect(Collectors.joining(","));
        try (Connection c = ds.getConnection()) {
            BigDecimal sum = decimal(c, "SELECT SUM(balance) FROM card WHERE id IN (" + in + ")");
            long mismatched = count(c, "SELECT COUNT(*) FROM card c LEFT JOIN (SELECT card_id, SUM(amount) total"
                    + " FROM posting WHERE card_id IS NOT NULL GROUP BY card_id) p ON p.card_id = c.id"
                    + " WHERE c.id IN (" + in + ") AND COALESCE(p.total, 0) <> c.balance");
            long unbalanced = count(c, "SELECT COUNT(*) FROM (SELECT p.entry_id FROM posting p WHERE p.entry_id IN"
                    + " (SELECT entry_id FROM posting WHERE card_id IN (" + in + "))"
                    + " GROUP BY p.entry_id HAVING SUM(p.amount) <> 0 OR COUNT(*) < 2) u");
            result.append("check ring-balance-sum ").append(sum.toPlainString()).append(" expected ")
                    .append(OPENING.multiply(BigDecimal.valueOf(cards)).toPlainString()).append('\n');
            result.append("check cards-whose-postings-differ-from-balance ").append(mismatched).append('\n');
            result.append("check unbalanced-entries ").append(unbalanced).append('\n');
            assertThat(sum).isEqualByComparingTo(OPENING.multiply(BigDecimal.valueOf(cards)));
            assertThat(mismatched).isZero();
            assertThat(unbalanced).isZero();
        } finally {
            Files.writeString(out, result.toString(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The raw JDBC transfer: in one transaction, lock both cards ({@code SELECT ... FOR UPDATE}, ascending id),
     * debit and credit them, insert one journal entry and its two postings. A refused debit rolls back.
     */
    private static boolean rawTransfer(DataSource ds, Account from, Account to) throws SQLException {
        BigDecimal amount = AMOUNT.amount();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long first = Math.min(from.cardId(), to.cardId());
                    long second = Math.max(from.cardId(), to.cardId());
                    BigDecimal firstBalance = lockBalance(c, first);
                    BigDecimal secondBalance = lockBalance(c, second);
                    BigDecimal fromBalance = from.cardId() == first ? firstBalance : secondBalance;
                    BigDecimal toBalance = to.cardId() == first ? firstBalance : secondBalance;
                    BigDecimal fromAfter = fromBalance.subtract(amount);
                    if (fromAfter.signum() < 0) {
                        c.rollback();
                        return false;
                    }
                    BigDecimal toAfter = toBalance.add(amount);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE card SET balance = ?, version = version + 1 WHERE id = ?")) {
                        ps.setBigDecimal(1, fromAfter);
                        ps.setLong(2, from.cardId());
                        ps.executeUpdate();
                        ps.setBigDecimal(1, toAfter);
                        ps.setLong(2, to.cardId());
                        ps.executeUpdate();
                    }
                    long entry = Ids.next();
                    String key = UUID.randomUUID().toString();
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_entry (id, type, status,"
                            + " initiator_id, idempotency_key, request_hash, amount, created_at)"
                            + " VALUES (?, 'TRANSFER', 'COMPLETED', ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, entry);
                        ps.setLong(2, from.customerId());
                        ps.setString(3, key);
                        ps.setString(4, Hashes.sha256Hex("TRANSFER|" + from.cardId() + "|" + to.number() + "|" + amount));
                        ps.setBigDecimal(5, amount);
                        ps.setTimestamp(6, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO posting (id, entry_id, account,"
                            + " card_id, amount, balance_after) VALUES (?, ?, 'CARD', ?, ?, ?)")) {
                        ps.setLong(1, Ids.next());
                        ps.setLong(2, entry);
                        ps.setLong(3, from.cardId());
                        ps.setBigDecimal(4, amount.negate());
                        ps.setBigDecimal(5, fromAfter);
                        ps.executeUpdate();
                        ps.setLong(1, Ids.next());
                        ps.setLong(2, entry);
                        ps.setLong(3, to.cardId());
                        ps.setBigDecimal(4, amount);
                        ps.setBigDecimal(5, toAfter);
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

    private static BigDecimal lockBalance(Connection c, long cardId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT balance FROM card WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no card " + cardId);
                }
                return rs.getBigDecimal(1);
            }
        }
    }

    private static BigDecimal decimal(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
