package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;
import static org.triad.bank.BankClient.newKey;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * The customer journey and its bad paths over the real REST API of the deployed bank.ear, with codes read out of
 * real mails (GreenMail on the bank's configured SMTP port).
 */
@ExtendWith(ArquillianExtension.class)
class BankJourneyIT {

    private static Mailbox mailbox;
    private static final BankClient CLERK = BankClient.basic("clerk", PASSWORD);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank");
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

    record Person(String email, long customerId, BankClient client, long cardId, String cardNumber) {
    }

    @Test
    void customerJourneyFromRegistrationToTransferHistoryAndCsv() {
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = BankClient.anonymous().post("/api/v1/customers", Json.createObjectBuilder()
                .add("nickname", "Zhang Wei").add("email", email).add("password", PASSWORD)
                .add("payPassword", PAY_PASSWORD).build().toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long customerId = json(registered).getJsonNumber("id").longValue();
        assertThat(json(registered).getString("status")).isEqualTo("UNVERIFIED");
        assertThat(registered.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");

        // Not activated yet: no sign-in.
        HttpResponse<String> early = BankClient.basic(email, PASSWORD).post("/api/v1/sessions", "");
        assertThat(early.statusCode()).isEqualTo(401);
        assertThat(json(early).getString("type")).endsWith("/account-not-activated");

        String activation = mailbox.code(email, "activate your account");
        HttpResponse<String> activated = BankClient.anonymous().post("/api/v1/customers/activation",
                Json.createObjectBuilder().add("email", email).add("code", activation).build().toString());
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(json(activated).getString("status")).isEqualTo("ACTIVE");

        BankClient me = BankClient.login(email, PASSWORD);
        assertThat(json(me.get("/api/v1/me")).getString("kycStatus")).isEqualTo("UNREVIEWED");
        HttpResponse<String> tooEarly = me.post("/api/v1/cards", "");
        assertThat(tooEarly.statusCode()).isEqualTo(403);
        assertThat(json(tooEarly).getString("type")).endsWith("/kyc-required");

        HttpResponse<String> queue = CLERK.get("/api/v1/clerk/customers?kyc=UNREVIEWED&size=200");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(email);
        approve(customerId);

        HttpResponse<String> applied = me.post("/api/v1/cards", "");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonObject card = json(applied);
        long cardId = card.getJsonNumber("id").longValue();
        String number = card.getString("number");
        assertThat(number).hasSize(19).startsWith("622202");
        assertThat(CardNumber.isLuhnValid(number)).isTrue();
        assertThat(card.getString("maskedNumber")).isEqualTo("6222 **** **** ***" + number.substring(15));
        assertThat(card.getString("status")).isEqualTo("PENDING_ACTIVATION");

        HttpResponse<String> cardActivated = me.post("/api/v1/cards/" + cardId + "/activation",
                codeBody(mailbox.code(email, "activate your card")));
        assertThat(cardActivated.statusCode()).as(cardActivated.body()).isEqualTo(200);
        assertThat(json(cardActivated).getString("status")).isEqualTo("ACTIVE");

        assertThat(me.requestCode("DEPOSIT", null).statusCode()).isEqualTo(202);
        HttpResponse<String> deposit = me.deposit(cardId, "500.00", mailbox.code(email, "confirm your deposit"), newKey());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
        assertThat(json(deposit).getJsonNumber("balanceAfter").bigDecimalValue()).isEqualByComparingTo("500.00");

        Person bob = onboard("Bob");
        HttpResponse<String> preview = me.get("/api/v1/recipients?cardNumber=" + bob.cardNumber());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(json(preview).getString("maskedName")).isEqualTo("B**");
        assertThat(json(preview).getString("maskedNumber")).isEqualTo(new CardNumber(bob.cardNumber()).masked());

        assertThat(me.requestCode("TRANSFER", null).statusCode()).isEqualTo(202);
        HttpResponse<String> transfer = me.transfer(cardId, bob.cardNumber(), "123.45", PAY_PASSWORD,
                mailbox.code(email, "confirm your transfer"), newKey());
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
        assertThat(json(transfer).getString("type")).isEqualTo("TRANSFER");
        assertThat(json(transfer).getJsonNumber("balanceAfter").bigDecimalValue()).isEqualByComparingTo("376.55");
        assertThat(me.balance(cardId)).isEqualByComparingTo("376.55");
        assertThat(bob.client().balance(bob.cardId())).isEqualByComparingTo("123.45");

        // Both histories show the transfer, from each side.
        JsonObject mine = me.history("/api/v1/cards/" + cardId + "/transactions");
        assertThat(mine.getInt("total")).isEqualTo(2);
        JsonObject out = mine.getJsonArray("items").getJsonObject(0);
        assertThat(out.getString("type")).isEqualTo("TRANSFER");
        assertThat(out.getString("direction")).isEqualTo("OUT");
        assertThat(out.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("-123.45");
        assertThat(out.getString("counterparty")).isEqualTo(new CardNumber(bob.cardNumber()).masked());
        JsonObject theirs = bob.client().history("/api/v1/transactions");
        JsonObject in = theirs.getJsonArray("items").getJsonObject(0);
        assertThat(in.getString("direction")).isEqualTo("IN");
        assertThat(in.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("123.45");
        assertThat(in.getString("counterparty")).isEqualTo("6222 **** **** ***" + number.substring(15));
        assertThat(in.getJsonNumber("entryId").longValue()).isEqualTo(out.getJsonNumber("entryId").longValue());

        // Filters: by type, by time range; paging.
        assertThat(me.history("/api/v1/transactions?type=DEPOSIT").getInt("total")).isEqualTo(1);
        assertThat(me.history("/api/v1/transactions?type=TRANSFER").getJsonArray("items").getJsonObject(0)
                .getString("type")).isEqualTo("TRANSFER");
        assertThat(me.history("/api/v1/transactions?type=WITHDRAWAL").getInt("total")).isZero();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(me.history("/api/v1/transactions?from=" + tomorrow).getInt("total")).isZero();
        assertThat(me.history("/api/v1/transactions?from=" + yesterday + "&to=" + tomorrow).getInt("total")).isEqualTo(2);
        JsonObject page = me.history("/api/v1/transactions?size=1&page=1");
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("type")).isEqualTo("DEPOSIT");
        assertThat(me.get("/api/v1/transactions?type=NONSENSE").statusCode()).isEqualTo(400);

        // CSV export
        HttpResponse<String> csv = me.get("/api/v1/cards/" + cardId + "/transactions.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("date,type,status,direction,amount");
        assertThat(lines.get(1)).contains(",TRANSFER,COMPLETED,OUT,-123.45,CNY,376.55,");
        assertThat(lines.get(2)).contains(",DEPOSIT,COMPLETED,IN,500.00,CNY,500.00,");
        assertThat(csv.body()).doesNotContain(bob.cardNumber());

        // The sign-in was recorded; another session can be signed out by id, the caller's own is marked current.
        BankClient second = BankClient.login(email, PASSWORD);
        HttpResponse<String> sessions = me.get("/api/v1/sessions");
        assertThat(sessions.body()).contains("BankClient/IT");
        jakarta.json.JsonArray listed = BankClient.array(sessions);
        assertThat(listed.stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(s -> s.getBoolean("current")).count()).isEqualTo(1);
        long secondId = BankClient.array(second.get("/api/v1/sessions")).stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(s -> s.getBoolean("current")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertThat(bob.client().delete("/api/v1/sessions/" + secondId).statusCode()).isEqualTo(404);
        assertThat(second.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(me.delete("/api/v1/sessions/" + secondId).statusCode()).isEqualTo(204);
        assertThat(second.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(me.get("/api/v1/me").statusCode()).isEqualTo(200);
        // signing out ends the session
        assertThat(me.delete("/api/v1/sessions/current").statusCode()).isEqualTo(204);
        assertThat(me.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void badPathsChangeNeitherBalancesNorTheLedger() throws Exception {
        Person alice = onboard("Ann");
        Person bob = onboard("Ben");
        fund(alice, "100.00");
        // A code that has been used once.
        BankClient a = alice.client();
        a.requestCode("TRANSFER", null);
        String usedCode = mailbox.code(alice.email(), "confirm your transfer");
        assertThat(a.transfer(alice.cardId(), bob.cardNumber(), "1.00", PAY_PASSWORD, usedCode, newKey())
                .statusCode()).isEqualTo(201);
        // Cards that cannot receive: a frozen one and one not yet activated.
        Person frozen = onboard("Fay");
        assertThat(CLERK.post("/api/v1/clerk/cards/" + frozen.cardId() + "/freeze", "").statusCode()).isEqualTo(200);
        HttpResponse<String> pending = bob.client().post("/api/v1/cards", "");
        String pendingNumber = json(pending).getString("number");
        String unknownNumber = CardNumber.generate("622202", new SecureRandom()).value();

        Snapshot before = snapshot(alice, bob);
        // mail leaves through the outbox after the commit: wait for the new mail, not the newest one already there
        int mails = mailbox.count(alice.email());
        a.requestCode("TRANSFER", null);
        String code = mailbox.codeAfter(alice.email(), "confirm your transfer", mails);
        String wrongCode = code.equals("000000") ? "111111" : "000000";

        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "5.00", PAY_PASSWORD, wrongCode, newKey()), 422, "invalid-code");
        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "5.00", PAY_PASSWORD, usedCode, newKey()), 422, "invalid-code");
        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "5.00", "654321", code, newKey()), 422, "wrong-pay-password");
        for (String amount : new String[] {"0", "-1.00", "1.005", "0.001"}) {
            expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), amount, PAY_PASSWORD, code, newKey()), 422, "invalid-amount");
        }
        expectProblem(a.transfer(alice.cardId(), unknownNumber, "5.00", PAY_PASSWORD, code, newKey()), 422, "recipient-not-available");
        expectProblem(a.transfer(alice.cardId(), "1234", "5.00", PAY_PASSWORD, code, newKey()), 422, "recipient-not-available");
        expectProblem(a.transfer(alice.cardId(), frozen.cardNumber(), "5.00", PAY_PASSWORD, code, newKey()), 422, "recipient-not-available");
        expectProblem(a.transfer(alice.cardId(), pendingNumber, "5.00", PAY_PASSWORD, code, newKey()), 422, "recipient-not-available");
        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "1000000.00", PAY_PASSWORD, code, newKey()), 422, "insufficient-funds");
        // to the same card: refused before the pay password and the code are looked at (the code stays usable)
        expectProblem(a.transfer(alice.cardId(), alice.cardNumber(), "5.00", PAY_PASSWORD, code, newKey()), 400, "invalid-input");
        expectProblem(a.withdraw(alice.cardId(), "99.01", PAY_PASSWORD, newKey()), 422, "insufficient-funds");
        expectProblem(a.withdraw(alice.cardId(), "1.00", "000000", newKey()), 422, "wrong-pay-password");
        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "5.00", PAY_PASSWORD, code, null), 400, "idempotency-key-missing");
        // Another customer's card: not found, and nothing about it leaks.
        for (HttpResponse<String> r : List.of(a.get("/api/v1/cards/" + bob.cardId()),
                a.get("/api/v1/cards/" + bob.cardId() + "/transactions"),
                a.get("/api/v1/cards/" + bob.cardId() + "/transactions.csv"),
                a.transfer(bob.cardId(), alice.cardNumber(), "5.00", PAY_PASSWORD, code, newKey()),
                a.withdraw(bob.cardId(), "1.00", PAY_PASSWORD, newKey()))) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(bob.cardNumber()).doesNotContain("balance");
        }
        assertThat(snapshot(alice, bob)).isEqualTo(before);

        // The code survived the refused attempts (they were refused before it was checked, or it was wrong only
        // twice); now the same key twice moves money once and answers with the same entry.
        String key = newKey();
        HttpResponse<String> first = a.transfer(alice.cardId(), bob.cardNumber(), "2.00", PAY_PASSWORD, code, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> again = a.transfer(alice.cardId(), bob.cardNumber(), "2.00", PAY_PASSWORD, code, key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).getJsonNumber("entryId").longValue()).isEqualTo(json(first).getJsonNumber("entryId").longValue());
        assertThat(json(again).getBoolean("replayed")).isTrue();
        expectProblem(a.transfer(alice.cardId(), bob.cardNumber(), "3.00", PAY_PASSWORD, code, key), 422, "idempotency-key-reused");
        Snapshot after = snapshot(alice, bob);
        assertThat(after.aliceBalance()).isEqualByComparingTo(before.aliceBalance().subtract(new BigDecimal("2.00")));
        assertThat(after.bobBalance()).isEqualByComparingTo(before.bobBalance().add(new BigDecimal("2.00")));
        assertThat(after.aliceEntries()).isEqualTo(before.aliceEntries() + 1);

        // Two identical withdrawals at the same moment: money leaves once. The second is the replay (200) or, while
        // the first is still running, 409 idempotency-key-in-use; retried, it gets the first one's result.
        String raceKey = newKey();
        var w1 = CompletableFuture.supplyAsync(() -> a.withdraw(alice.cardId(), "4.00", PAY_PASSWORD, raceKey));
        var w2 = CompletableFuture.supplyAsync(() -> a.withdraw(alice.cardId(), "4.00", PAY_PASSWORD, raceKey));
        HttpResponse<String> r1 = w1.get();
        HttpResponse<String> r2 = w2.get();
        HttpResponse<String> created = r1.statusCode() == 201 ? r1 : r2;
        HttpResponse<String> other = created == r1 ? r2 : r1;
        assertThat(created.statusCode()).as(r1.body() + r2.body()).isEqualTo(201);
        assertThat(other.statusCode()).as(r1.body() + r2.body()).isIn(200, 409);
        if (other.statusCode() == 409) {
            expectProblem(other, 409, "idempotency-key-in-use");
            other = a.withdraw(alice.cardId(), "4.00", PAY_PASSWORD, raceKey);
            assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        }
        assertThat(json(other).getJsonNumber("entryId").longValue())
                .isEqualTo(json(created).getJsonNumber("entryId").longValue());
        assertThat(a.balance(alice.cardId())).isEqualByComparingTo(after.aliceBalance().subtract(new BigDecimal("4.00")));
    }

    @Test
    void theFifthWrongPasswordLocksTheAccountSoTheSixthAttemptFailsEvenWithTheRightOne() {
        Person p = registerAndActivate("Lou");
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = BankClient.basic(p.email(), "wrong-password-" + i).post("/api/v1/sessions", "");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).getString("type")).endsWith(i < 5 ? "/invalid-credentials" : "/account-locked");
        }
        HttpResponse<String> sixth = BankClient.basic(p.email(), PASSWORD).post("/api/v1/sessions", "");
        assertThat(sixth.statusCode()).isEqualTo(401);
        assertThat(json(sixth).getString("type")).endsWith("/account-locked");
        assertThat(BankClient.basic(p.email(), PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordSentOverPlainHttpIsNeitherCheckedNorCountedTowardTheLockout() {
        Person p = registerAndActivate("Pia");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (p.email() + ":wrong-over-http").getBytes(StandardCharsets.UTF_8));
        URI plain = URI.create("http://localhost:8080/bank/api/v1/sessions");
        for (int i = 1; i <= 6; i++) {
            HttpResponse<String> r = TriadHttp.send(HttpRequest.newBuilder(plain)
                    .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build());
            // refused by the listener policy before any credential is looked at (never 401 invalid-credentials)
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(r.body()).doesNotContain("invalid-credentials");
        }
        // six wrong passwords over HTTP locked nothing: the right one over HTTPS signs in at once
        HttpResponse<String> signIn = BankClient.basic(p.email(), PASSWORD).post("/api/v1/sessions", "");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
    }

    @Test
    void codesAreSingleUseAndBoundToTheirPurpose() {
        Person p = onboard("Cai");
        BankClient c = p.client();
        c.requestCode("TRANSFER", null);
        String transferCode = mailbox.code(p.email(), "confirm your transfer");
        // A transfer code does not confirm a deposit.
        expectProblem(c.deposit(p.cardId(), "10.00", transferCode, newKey()), 422, "invalid-code");
        c.requestCode("DEPOSIT", null);
        String depositCode = mailbox.code(p.email(), "confirm your deposit");
        assertThat(c.deposit(p.cardId(), "10.00", depositCode, newKey()).statusCode()).isEqualTo(201);
        expectProblem(c.deposit(p.cardId(), "10.00", depositCode, newKey()), 422, "invalid-code");
        assertThat(c.balance(p.cardId())).isEqualByComparingTo("10.00");
        // Five wrong attempts exhaust a code, even the right one fails afterwards.
        c.requestCode("DEPOSIT", null);
        String fresh = mailbox.code(p.email(), "confirm your deposit");
        String wrong = fresh.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 5; i++) {
            expectProblem(c.deposit(p.cardId(), "10.00", wrong, newKey()), 422, "invalid-code");
        }
        HttpResponse<String> exhausted = c.deposit(p.cardId(), "10.00", fresh, newKey());
        expectProblem(exhausted, 422, "invalid-code");
        assertThat(json(exhausted).getString("detail")).contains("Too many");
        assertThat(c.balance(p.cardId())).isEqualByComparingTo("10.00");
    }

    @Test
    void fiveWrongPayPasswordsBlockPaymentsAndMoveNothing() {
        Person p = onboard("Pei");
        fund(p, "50.00");
        BankClient c = p.client();
        for (int i = 1; i <= 5; i++) {
            expectProblem(c.withdraw(p.cardId(), "1.00", "00000" + i, newKey()), i < 5 ? 422 : 423,
                    i < 5 ? "wrong-pay-password" : "pay-password-locked");
        }
        expectProblem(c.withdraw(p.cardId(), "1.00", PAY_PASSWORD, newKey()), 423, "pay-password-locked");
        assertThat(c.balance(p.cardId())).isEqualByComparingTo("50.00");
        assertThat(c.history("/api/v1/transactions").getInt("total")).isEqualTo(1);
    }

    @Test
    void clerkOnlyEndpointsRefuseCustomersAndAnonymousCallers() {
        Person p = onboard("Dai");
        expectProblem(p.client().get("/api/v1/clerk/customers"), 403, "not-permitted");
        expectProblem(p.client().post("/api/v1/clerk/cards/" + p.cardId() + "/freeze", ""), 403, "not-permitted");
        expectProblem(p.client().post("/api/v1/clerk/customers/" + p.customerId() + "/kyc",
                "{\"decision\":\"APPROVE\"}"), 403, "not-permitted");
        expectProblem(BankClient.anonymous().get("/api/v1/cards"), 401, "unauthorized");
        expectProblem(BankClient.basic("clerk", "not-the-password").get("/api/v1/clerk/customers"), 401, "invalid-credentials");
        // The clerk freezes and unfreezes; a frozen card cannot pay.
        assertThat(json(CLERK.post("/api/v1/clerk/cards/" + p.cardId() + "/freeze", "")).getString("status")).isEqualTo("FROZEN");
        expectProblem(p.client().withdraw(p.cardId(), "1.00", PAY_PASSWORD, newKey()), 422, "card-not-usable");
        assertThat(json(CLERK.post("/api/v1/clerk/cards/" + p.cardId() + "/unfreeze", "")).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aForgottenPasswordIsResetByEmailCodeWhichAlsoLiftsTheLockAndEverythingIsAudited() {
        Person p = registerAndActivate("Rui");
        for (int i = 0; i < 5; i++) {
            BankClient.basic(p.email(), "not-my-password").post("/api/v1/sessions", "");
        }
        assertThat(BankClient.anonymous().post("/api/v1/customers/password-reset-code",
                Json.createObjectBuilder().add("email", p.email()).build().toString()).statusCode()).isEqualTo(202);
        String code = mailbox.code(p.email(), "reset your password");
        expectProblem(BankClient.anonymous().post("/api/v1/customers/password-reset", Json.createObjectBuilder()
                .add("email", p.email()).add("code", code).add("newPassword", "too-short").build().toString()),
                400, "invalid-input");
        String newPassword = "a-brand-new-passphrase";
        HttpResponse<String> reset = BankClient.anonymous().post("/api/v1/customers/password-reset",
                Json.createObjectBuilder().add("email", p.email()).add("code", code).add("newPassword", newPassword)
                        .build().toString());
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        assertThat(BankClient.basic(p.email(), PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);
        BankClient me = BankClient.login(p.email(), newPassword);
        HttpResponse<String> renamed = me.send("PUT", "/api/v1/me", "{\"nickname\":\"Rui Chen\"}");
        assertThat(json(renamed).getString("nickname")).isEqualTo("Rui Chen");
        // Unknown addresses get the same answer (no account enumeration).
        assertThat(BankClient.anonymous().post("/api/v1/customers/password-reset-code",
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}").statusCode()).isEqualTo(202);

        HttpResponse<String> trail = CLERK.get("/api/v1/clerk/audit?actor=" + p.customerId() + "&size=50");
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        List<String> actions = Json.createReader(new java.io.StringReader(trail.body())).readArray()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("action")).toList();
        assertThat(actions).contains("REGISTERED", "ACTIVATED", "LOGIN_FAILED", "LOGIN_LOCKED", "CODE_REQUESTED",
                "PASSWORD_RESET", "LOGIN");
        expectProblem(me.get("/api/v1/clerk/audit"), 403, "not-permitted");
    }

    @Test
    void seededCustomersCanSignIn() {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        assertThat(alice.cards()).isNotEmpty();
        assertThat(alice.cards().getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
        assertThat(json(alice.get("/api/v1/me")).getString("kycStatus")).isEqualTo("APPROVED");
    }

    // --- helpers ----------------------------------------------------------------------------------

    record Snapshot(BigDecimal aliceBalance, BigDecimal bobBalance, int aliceEntries, int bobEntries) {
    }

    private static Snapshot snapshot(Person alice, Person bob) {
        return new Snapshot(alice.client().balance(alice.cardId()).setScale(2),
                bob.client().balance(bob.cardId()).setScale(2),
                alice.client().history("/api/v1/transactions").getInt("total"),
                bob.client().history("/api/v1/transactions").getInt("total"));
    }

    private static void expectProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).getString("type")).isEqualTo("https://triad.example/problems/" + type);
    }

    private static String codeBody(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    private static void approve(long customerId) {
        HttpResponse<String> r = CLERK.post("/api/v1/clerk/customers/" + customerId + "/kyc", "{\"decision\":\"APPROVE\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).getString("kycStatus")).isEqualTo("APPROVED");
    }

    private static Person registerAndActivate(String nickname) {
        String email = nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> r = BankClient.anonymous().post("/api/v1/customers", Json.createObjectBuilder()
                .add("nickname", nickname).add("email", email).add("password", PASSWORD)
                .add("payPassword", PAY_PASSWORD).build().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = json(r).getJsonNumber("id").longValue();
        HttpResponse<String> a = BankClient.anonymous().post("/api/v1/customers/activation", Json.createObjectBuilder()
                .add("email", email).add("code", mailbox.code(email, "activate your account")).build().toString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        return new Person(email, id, null, 0, null);
    }

    /** A new, approved customer with one active card and no money. */
    private static Person onboard(String nickname) {
        Person p = registerAndActivate(nickname);
        approve(p.customerId());
        BankClient client = BankClient.login(p.email(), PASSWORD);
        JsonObject card = json(client.post("/api/v1/cards", ""));
        long cardId = card.getJsonNumber("id").longValue();
        HttpResponse<String> activated = client.post("/api/v1/cards/" + cardId + "/activation",
                codeBody(mailbox.code(p.email(), "activate your card")));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return new Person(p.email(), p.customerId(), client, cardId, card.getString("number"));
    }

    private static void fund(Person p, String amount) {
        p.client().requestCode("DEPOSIT", null);
        HttpResponse<String> r = p.client().deposit(p.cardId(), amount, mailbox.code(p.email(), "confirm your deposit"), newKey());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
