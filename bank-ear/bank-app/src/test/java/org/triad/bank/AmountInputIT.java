package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;
import static org.triad.bank.BankClient.newKey;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.testkit.Deployments;

/**
 * Issue 18, finding 2: amounts over the real REST API. {@code 1e-1000000} on a withdrawal was answered with a
 * 1,000,204-byte error (the number written out) and {@code 1e2}, {@code +1.00}, full-width {@code １} and
 * {@code 1E-2} were accepted as 100.00, 1.00, 1.00 and 0.01. Now each is a small {@code 422 invalid-amount}
 * problem that does not repeat the input, and nothing moves. Rate-limit counters of its own, so the other bank tests
 * (all from 127.0.0.1, some as alice) do not use up its budget.
 */
@ExtendWith(ArquillianExtension.class)
class AmountInputIT {

    /** JSON values of "amount" as a client would send them: strings and numbers. */
    private static final List<String> REFUSED = List.of("\"1e-1000000\"", "1e-1000000", "1E-1000000", "1e1000000",
            "\"1e2\"", "1e2", "\"+1.00\"", "\"１\"", "\"１.００\"", "\"1E-2\"", "1E-2", "\"01.00\"", "\"1.001\"",
            "1.001", "\"\"", "\" \"", "\" 1.00\"", "\"-1.00\"", "-1.00", "\"1" + "0".repeat(40) + "\"",
            "\"1.00\\u0000\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", String.join("\n",
                "triad.bank.rate-limit.cache=triad-bank-rate-limits-it-" + UUID.randomUUID(),
                "triad.bank.rate-limit.money.per-account=1000",
                "triad.bank.rate-limit.money.per-ip=1000",
                "triad.bank.rate-limit.transfer.per-account=1000",
                "triad.bank.rate-limit.transfer.per-ip=1000"));
    }

    @Test
    void aWithdrawalOrTransferWithAnAmountThatIsNotAPlainDecimalIsASmallProblemAndMovesNothing() {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        JsonObject card = alice.cards().getJsonObject(0);
        long cardId = card.getJsonNumber("id").longValue();
        String bobCard = BankClient.login("bob@example.com", PASSWORD).cards().getJsonObject(0).getString("number");
        BigDecimal balance = alice.balance(cardId);
        int entries = alice.history("/api/v1/transactions").getInt("total");

        for (String amount : REFUSED) {
            HttpResponse<String> withdrawal = alice.post("/api/v1/cards/" + cardId + "/withdrawals",
                    "{\"amount\": " + amount + ", \"payPassword\": \"" + PAY_PASSWORD + "\"}", "Idempotency-Key", newKey());
            expectSmallInvalidAmount(withdrawal, amount);
            HttpResponse<String> transfer = alice.post("/api/v1/cards/" + cardId + "/transfers",
                    "{\"toCardNumber\": \"" + bobCard + "\", \"amount\": " + amount + ", \"payPassword\": \""
                            + PAY_PASSWORD + "\", \"code\": \"123456\"}", "Idempotency-Key", newKey());
            expectSmallInvalidAmount(transfer, amount);
        }

        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance);
        assertThat(alice.history("/api/v1/transactions").getInt("total")).isEqualTo(entries);
    }

    @Test
    void aBodyWithContentAfterItsJsonOrADuplicateMemberIsMalformedAndMovesNothing() {
        // issue 18 (Low): the probe's 0.01 withdrawal with trailing garbage went through
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        long cardId = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        BigDecimal balance = alice.balance(cardId);
        int entries = alice.history("/api/v1/transactions").getInt("total");
        String body = "{\"amount\": \"0.01\", \"payPassword\": \"" + PAY_PASSWORD + "\"}";
        for (String bad : List.of(body + "garbage", body + body, body + " 1", body + "]",
                "{\"amount\": \"0.01\", \"amount\": \"0.02\", \"payPassword\": \"" + PAY_PASSWORD + "\"}")) {
            HttpResponse<String> r = alice.post("/api/v1/cards/" + cardId + "/withdrawals", bad,
                    "Idempotency-Key", newKey());
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).getString("type")).as(bad).endsWith("/malformed-body");
        }
        // the same API elsewhere: a nickname change with trailing content changes nothing
        String nickname = json(alice.get("/api/v1/me")).getString("nickname");
        HttpResponse<String> renamed = alice.send("PUT", "/api/v1/me", "{\"nickname\": \"Mallory\"}x");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(400);
        assertThat(json(alice.get("/api/v1/me")).getString("nickname")).isEqualTo(nickname);

        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance);
        assertThat(alice.history("/api/v1/transactions").getInt("total")).isEqualTo(entries);
        // and the well-formed body still works
        HttpResponse<String> ok = alice.post("/api/v1/cards/" + cardId + "/withdrawals", body,
                "Idempotency-Key", newKey());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance.subtract(new BigDecimal("0.01")));
    }

    @Test
    void plainDecimalsAsStringOrNumberStillMoveMoney() {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        long cardId = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        BigDecimal balance = alice.balance(cardId);
        for (String amount : List.of("\"0.01\"", "0.02", "\"1\"", "1.5")) {
            HttpResponse<String> r = alice.post("/api/v1/cards/" + cardId + "/withdrawals",
                    "{\"amount\": " + amount + ", \"payPassword\": \"" + PAY_PASSWORD + "\"}", "Idempotency-Key", newKey());
            assertThat(r.statusCode()).as(amount + ": " + r.body()).isEqualTo(201);
        }
        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance.subtract(new BigDecimal("2.53")));
    }

    private static void expectSmallInvalidAmount(HttpResponse<String> r, String amount) {
        assertThat(r.statusCode()).as(amount + ": " + abbreviated(r.body())).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).as(amount)
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body().length()).as(amount + ": size of the answer").isLessThan(1_000);
        assertThat(json(r).getString("type")).as(amount).isEqualTo("https://triad.example/problems/invalid-amount");
        String bare = amount.replace("\"", "").strip();
        if (bare.length() > 3) {
            assertThat(r.body()).as(amount + ": the input is not echoed").doesNotContain(bare);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "... (" + body.length() + " characters)" : body;
    }
}
