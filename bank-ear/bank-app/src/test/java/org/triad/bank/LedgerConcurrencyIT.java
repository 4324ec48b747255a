package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.MoneyMovements;
import org.triad.bank.application.banking.MovementRequest;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.application.banking.TransferOrder;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.domain.model.card.InsufficientFundsException;
import org.triad.bank.domain.model.code.InvalidCodeException;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * The ledger under concurrent load, inside the server, through the service layer that the REST API uses:
 * 8 threads × 250 random transfers among 20 cards, many of them between the same pairs in opposite directions.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerConcurrencyIT {

    private static final int CARDS = 20;
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 250;
    private static final BigDecimal OPENING = new BigDecimal("1000.00");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", LedgerConcurrencyIT.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    MoneyMovements movements;

    @Inject
    Banking banking;

    @Inject
    org.triad.bank.application.customer.CustomerService customers;

    record Account(long customerId, long cardId, String number) {
    }

    private List<Account> accounts(int n, String run) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var c = onboarding.reviewedCustomerWithCard("Load " + i, "load-" + run + "-" + i + "@example.com",
                    "load-test-password", "123456", 0);
            movements.move(new MovementRequest(EntryType.DEPOSIT, c.customerId(), c.cardId(), null,
                    new Money(OPENING), "opening"));
            accounts.add(new Account(c.customerId(), c.cardId(), c.cardNumber()));
        }
        return accounts;
    }

    @Test
    void concurrentRandomTransfersKeepTheLedgerBalancedAndNeverFailOnDeadlocks() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Account> accounts = accounts(CARDS, run);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger insufficient = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    int from;
                    int to;
                    if (random.nextBoolean()) {
                        // Hot pairs (0,1), (2,3), ... in both directions: the classic deadlock shape.
                        int pair = random.nextInt(4) * 2;
                        boolean forward = random.nextBoolean();
                        from = forward ? pair : pair + 1;
                        to = forward ? pair + 1 : pair;
                    } else {
                        from = random.nextInt(CARDS);
                        to = (from + 1 + random.nextInt(CARDS - 1)) % CARDS;
                    }
                    Account a = accounts.get(from);
                    Account b = accounts.get(to);
                    BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 30_000), 2);
                    try {
                        movements.move(new MovementRequest(EntryType.TRANSFER, a.customerId(), a.cardId(), b.number(),
                                new Money(amount), UUID.randomUUID().toString()));
                        completed.incrementAndGet();
                    } catch (InsufficientFundsException e) {
                        insufficient.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("requests that failed for other reasons than insufficient funds").isEmpty();
        assertThat(completed.get() + insufficient.get()).isEqualTo(THREADS * TRANSFERS_PER_THREAD);
        assertThat(completed.get()).isGreaterThan(THREADS * TRANSFERS_PER_THREAD / 2);

        Set<Long> ids = accounts.stream().map(Account::cardId).collect(Collectors.toSet());
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            assertThat(decimal(c, "SELECT SUM(balance) FROM card WHERE id IN (" + in + ")"))
                    .isEqualByComparingTo(OPENING.multiply(BigDecimal.valueOf(CARDS)));
            assertThat(count(c, "SELECT COUNT(*) FROM card WHERE balance < 0")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id"
                    + " HAVING SUM(amount) <> 0 OR COUNT(*) < 2) unbalanced")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM card c LEFT JOIN (SELECT card_id, SUM(amount) total FROM posting"
                    + " WHERE card_id IS NOT NULL GROUP BY card_id) p ON p.card_id = c.id"
                    + " WHERE COALESCE(p.total, 0) <> c.balance")).as("cards whose balance differs from their postings").isZero();
            assertThat(count(c, "SELECT COUNT(DISTINCT p.entry_id) FROM posting p JOIN journal_entry e ON e.id = p.entry_id"
                    + " WHERE e.type = 'TRANSFER' AND p.amount < 0 AND p.card_id IN (" + in + ")"))
                    .isEqualTo(completed.get());
        }
    }

    @Test
    void theSameIdempotencyKeyFromManyThreadsAtOnceMovesMoneyOnce() throws Exception {
        List<Account> accounts = accounts(2, UUID.randomUUID().toString());
        Account a = accounts.get(0);
        Account b = accounts.get(1);
        MovementRequest request = new MovementRequest(EntryType.TRANSFER, a.customerId(), a.cardId(), b.number(),
                Money.of("10.00"), "same-key");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Receipt>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                start.await();
                return movements.move(request);
            }));
        }
        start.countDown();
        Set<Long> entries = ConcurrentHashMap.newKeySet();
        int firsts = 0;
        for (Future<Receipt> f : results) {
            Receipt r = f.get(1, TimeUnit.MINUTES);
            entries.add(r.entryId());
            firsts += r.replayed() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(entries).hasSize(1);
        assertThat(firsts).isEqualTo(1);
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            assertThat(decimal(c, "SELECT balance FROM card WHERE id = " + a.cardId())).isEqualByComparingTo("990.00");
            assertThat(decimal(c, "SELECT balance FROM card WHERE id = " + b.cardId())).isEqualByComparingTo("1010.00");
        }
    }

    @Test
    void anExpiredCodeIsRefusedAndMovesNothing() throws Exception {
        List<Account> accounts = accounts(2, UUID.randomUUID().toString());
        Account a = accounts.get(0);
        Account b = accounts.get(1);
        // Issue a transfer code (its mail goes nowhere here), then let it expire.
        customers.requestCode(a.customerId(), org.triad.bank.domain.model.code.CodePurpose.TRANSFER, null);
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE one_time_code SET expires_at = ? WHERE customer_id = ?")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)));
            ps.setLong(2, a.customerId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> banking.transfer(
                new TransferOrder(a.customerId(), a.cardId(), b.number(), new BigDecimal("5.00"), "expired-code-key"),
                new Confirmation("123456", "123456")))
                .isInstanceOf(InvalidCodeException.class).hasMessageContaining("expired");
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            assertThat(decimal(c, "SELECT balance FROM card WHERE id = " + a.cardId())).isEqualByComparingTo("1000.00");
            assertThat(count(c, "SELECT COUNT(*) FROM journal_entry WHERE initiator_id = " + a.customerId()))
                    .isEqualTo(1);
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
