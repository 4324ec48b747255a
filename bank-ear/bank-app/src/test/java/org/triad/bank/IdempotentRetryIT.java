package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;
import static org.triad.bank.BankClient.newKey;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.testkit.Deployments;

/**
 * Issue 18, finding 8: the probe's reproduction. 20 identical transfers with one Idempotency-Key and one e-mailed
 * code, sent at once: 2 of them were told {@code 422 invalid-code} (the first request had used the code up but not
 * yet posted), and a client believing that and retrying with a new key pays twice. Now every answer is the transfer's
 * result ({@code 201} once, {@code 200} replays with the same entry) or {@code 409 idempotency-key-in-use} while the
 * first is still running; never {@code invalid-code}, and the money moves once.
 */
@ExtendWith(ArquillianExtension.class)
class IdempotentRetryIT {

    private static final int REQUESTS = 20;

    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", String.join("\n",
                "triad.bank.rate-limit.cache=triad-bank-rate-limits-it-" + UUID.randomUUID(),
                "triad.bank.rate-limit.transfer.per-account=1000",
                "triad.bank.rate-limit.transfer.per-ip=1000"));
    }

    @BeforeAll
    static void startMailServer() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stopMailServer() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void twentyIdenticalConcurrentTransfersWithOneKeyMoveTheMoneyOnceAndNeverAnswerInvalidCode() throws Exception {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        BankClient bob = BankClient.login("bob@example.com", PASSWORD);
        long aliceCard = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject bobsCard = bob.cards().getJsonObject(0);
        long bobCard = bobsCard.getJsonNumber("id").longValue();
        BigDecimal aliceBefore = alice.balance(aliceCard);
        BigDecimal bobBefore = bob.balance(bobCard);
        int aliceEntries = alice.history("/api/v1/transactions").getInt("total");

        int mails = mailbox.count("alice@example.com");
        assertThat(alice.requestCode("TRANSFER", null).statusCode()).isEqualTo(202);
        String code = mailbox.codeAfter("alice@example.com", "confirm your transfer", mails);
        String key = newKey();

        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return alice.transfer(aliceCard, bobsCard.getString("number"), "7.77", PAY_PASSWORD, code, key);
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            answers.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        List<String> seen = answers.stream().map(r -> r.statusCode() + " " + r.body()).toList();
        assertThat(answers).as("every answer: %s", seen)
                .allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201, 409));
        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).as("%s", seen).hasSize(1);
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() == 409) {
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("application/problem+json"));
                assertThat(json(r).getString("type")).isEqualTo("https://triad.example/problems/idempotency-key-in-use");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        Set<Long> entries = answers.stream().filter(r -> r.statusCode() < 300)
                .map(r -> json(r).getJsonNumber("entryId").longValue()).collect(Collectors.toSet());
        assertThat(entries).as("one journal entry behind every success").hasSize(1);

        // a retry after the dust settled gets the stored result, still without a fresh code
        HttpResponse<String> retry = alice.transfer(aliceCard, bobsCard.getString("number"), "7.77", PAY_PASSWORD,
                code, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry).getBoolean("replayed")).isTrue();
        assertThat(json(retry).getJsonNumber("entryId").longValue()).isEqualTo(entries.iterator().next());

        assertThat(alice.balance(aliceCard)).isEqualByComparingTo(aliceBefore.subtract(new BigDecimal("7.77")));
        assertThat(bob.balance(bobCard)).isEqualByComparingTo(bobBefore.add(new BigDecimal("7.77")));
        assertThat(alice.history("/api/v1/transactions").getInt("total")).isEqualTo(aliceEntries + 1);
    }

    @Test
    void aRefusedRequestReleasesItsKeySoTheCorrectedRetryGoesThrough() {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        long aliceCard = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        String bobNumber = BankClient.login("bob@example.com", PASSWORD).cards().getJsonObject(0).getString("number");
        int mails = mailbox.count("alice@example.com");
        assertThat(alice.requestCode("TRANSFER", null).statusCode()).isEqualTo(202);
        String code = mailbox.codeAfter("alice@example.com", "confirm your transfer", mails);
        String key = newKey();

        HttpResponse<String> wrongPayPassword = alice.transfer(aliceCard, bobNumber, "1.00", "000000", code, key);
        assertThat(wrongPayPassword.statusCode()).as(wrongPayPassword.body()).isEqualTo(422);
        HttpResponse<String> corrected = alice.transfer(aliceCard, bobNumber, "1.00", PAY_PASSWORD, code, key);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        HttpResponse<String> otherAmount = alice.transfer(aliceCard, bobNumber, "2.00", PAY_PASSWORD, code, key);
        assertThat(otherAmount.statusCode()).as(otherAmount.body()).isEqualTo(422);
        assertThat(json(otherAmount).getString("type")).isEqualTo("https://triad.example/problems/idempotency-key-reused");
    }
}
