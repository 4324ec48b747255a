package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;
import static org.triad.bank.BankClient.newKey;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Rate limits over the real REST API: the brief's 60 sign-ins per minute per address (here a 30-second window so
 * the test can wait for its end) and a small per-account transfer limit. Counters go to a cache of their own, so
 * that neither this test nor the other bank tests, all calling from 127.0.0.1, use up each other's budget.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    private static final int SIGN_IN_LIMIT = 60;
    private static final int TRANSFER_LIMIT = 2;
    private static final int TOKEN_LIMIT_PER_ADDRESS = 4;
    private static final int TOKEN_LIMIT_PER_APP = 3;
    private static final String SHOP = "triad-shop";
    private static final String SHOP_SECRET = "triad-shop-dev-only-secret";
    private static final String WRONG = "not-the-password-" + UUID.randomUUID();

    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", String.join("\n",
                "triad.bank.rate-limit.cache=triad-bank-rate-limits-it-" + UUID.randomUUID(),
                "triad.bank.rate-limit.sign-in.per-ip=" + SIGN_IN_LIMIT,
                "triad.bank.rate-limit.sign-in.window-seconds=30",
                "triad.bank.rate-limit.transfer.per-account=" + TRANSFER_LIMIT,
                "triad.bank.rate-limit.transfer.per-ip=1000",
                "triad.bank.rate-limit.transfer.window-seconds=10",
                "triad.bank.rate-limit.oauth-token.per-ip=" + TOKEN_LIMIT_PER_ADDRESS,
                "triad.bank.rate-limit.oauth-token.per-account=" + TOKEN_LIMIT_PER_APP,
                "triad.bank.rate-limit.oauth-token.window-seconds=20"));
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
    @Order(1)
    void theSixtyFirstSignInFromOneAddressWithinTheWindowGets429UntilTheWindowEnds() throws Exception {
        // attempt 1: a session to look at the account with while sign-ins are refused
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        long cardId = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        BigDecimal balance = alice.balance(cardId);
        int entries = alice.history("/api/v1/transactions").getInt("total");

        // attempts 2..60: successful sign-ins and failed HTTP Basic attempts count alike
        for (int attempt = 2; attempt <= SIGN_IN_LIMIT; attempt++) {
            HttpResponse<String> r = attempt % 10 == 0
                    ? BankClient.basic("nobody-" + attempt + "@example.com", WRONG).get("/api/v1/me")
                    : BankClient.basic("alice@example.com", PASSWORD).post("/api/v1/sessions", "");
            assertThat(r.statusCode()).as("attempt %d: %s", attempt, r.body()).isEqualTo(attempt % 10 == 0 ? 401 : 201);
        }

        // attempt 61: refused before the password is looked at, right or wrong
        HttpResponse<String> refused = BankClient.basic("alice@example.com", PASSWORD).post("/api/v1/sessions", "");
        long retryAfter = expectTooManyRequests(refused);
        assertThat(retryAfter).isBetween(1L, 30L);
        expectTooManyRequests(BankClient.basic("alice@example.com", WRONG).post("/api/v1/sessions", ""));
        expectTooManyRequests(BankClient.basic("alice@example.com", PASSWORD).get("/api/v1/me"));

        // nothing changed: the account is not locked by the refused attempts, the session still works, same money
        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance);
        assertThat(alice.history("/api/v1/transactions").getInt("total")).isEqualTo(entries);
        assertThat(json(alice.get("/api/v1/me")).getString("status")).isEqualTo("ACTIVE");

        // after the window: sign-in works again, with the right password and nothing locked
        Thread.sleep(retryAfter * 1000 + 500);
        HttpResponse<String> again = BankClient.basic("alice@example.com", PASSWORD).post("/api/v1/sessions", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void transfersOverTheAccountsLimitGet429AndMoveNothingUntilTheWindowEnds() throws Exception {
        BankClient alice = BankClient.login("alice@example.com", PASSWORD);
        BankClient bob = BankClient.login("bob@example.com", PASSWORD);
        long cardId = alice.cards().getJsonObject(0).getJsonNumber("id").longValue();
        String bobCard = bob.cards().getJsonObject(0).getString("number");
        BigDecimal balance = alice.balance(cardId);
        int entries = alice.history("/api/v1/transactions").getInt("total");

        assertThat(alice.requestCode("TRANSFER", null).statusCode()).isEqualTo(202);
        String code = mailbox.code("alice@example.com", "confirm your transfer");

        // within the limit, refused by the bank itself
        for (int i = 0; i < TRANSFER_LIMIT; i++) {
            HttpResponse<String> r = alice.transfer(cardId, bobCard, "0", PAY_PASSWORD, code, newKey());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        }
        // over the limit: 429 before the bank looks at it, even though everything is right
        String key = newKey();
        HttpResponse<String> refused = alice.transfer(cardId, bobCard, "1.00", PAY_PASSWORD, code, key);
        long retryAfter = expectTooManyRequests(refused);
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance);
        assertThat(alice.history("/api/v1/transactions").getInt("total")).isEqualTo(entries);
        // other calls of the account are not limited by the transfer rule
        assertThat(alice.get("/api/v1/cards").statusCode()).isEqualTo(200);

        // after the window the same request (same key, same code: the refused one consumed nothing) goes through
        Thread.sleep(retryAfter * 1000 + 500);
        HttpResponse<String> done = alice.transfer(cardId, bobCard, "1.00", PAY_PASSWORD, code, key);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(alice.balance(cardId)).isEqualByComparingTo(balance.subtract(new BigDecimal("1.00")));
    }

    @Test
    @Order(3)
    void theTokenEndpointLimitsAddressesAndAuthenticatedAppsSeparately() throws Exception {
        // a public app's and unauthenticated requests count for the address, whatever client_id they name
        for (int i = 0; i < TOKEN_LIMIT_PER_ADDRESS; i++) {
            HttpResponse<String> r = token("grant_type=refresh_token&refresh_token=nope&client_id=triad-demo");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(json(r).getString("error")).isEqualTo("invalid_grant");
        }
        HttpResponse<String> refused = token("grant_type=refresh_token&refresh_token=nope&client_id=triad-demo");
        long retryAfter = oauthTooManyRequests(refused);
        assertThat(retryAfter).isBetween(1L, 20L);
        // a wrong secret is no way around it, and naming the shop does not use up the shop's budget
        oauthTooManyRequests(token("grant_type=client_credentials", "Authorization", basicAuth(SHOP, "wrong")));
        oauthTooManyRequests(token("grant_type=client_credentials&client_id=" + SHOP));

        // the shop, authenticated, has a budget of its own: the spent address budget does not stop it
        for (int i = 0; i < TOKEN_LIMIT_PER_APP; i++) {
            HttpResponse<String> ok = token("grant_type=client_credentials", "Authorization", basicAuth(SHOP, SHOP_SECRET));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(json(ok).getString("access_token")).isNotBlank();
        }
        HttpResponse<String> shopRefused = token("grant_type=client_credentials", "Authorization",
                basicAuth(SHOP, SHOP_SECRET));
        oauthTooManyRequests(shopRefused);
        assertThat(shopRefused.body()).doesNotContain("access_token");

        // after the window, both budgets are back
        Thread.sleep(Math.max(retryAfter, oauthRetryAfter(shopRefused)) * 1000 + 500);
        assertThat(token("grant_type=client_credentials", "Authorization", basicAuth(SHOP, SHOP_SECRET)).statusCode())
                .isEqualTo(200);
        assertThat(token("grant_type=refresh_token&refresh_token=nope&client_id=triad-demo").statusCode())
                .isEqualTo(400);
    }

    private static HttpResponse<String> token(String form, String... headers) {
        return TriadHttp.post(TriadHttp.uri("bank", "/oauth2/token"), "application/x-www-form-urlencoded", form,
                headers);
    }

    private static String basicAuth(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Asserts the OAuth form of a 429 (RFC 6749 error JSON, no-store, Retry-After) and returns its seconds. */
    private static long oauthTooManyRequests(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(json(r).getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        return oauthRetryAfter(r);
    }

    private static long oauthRetryAfter(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }

    /** Asserts a 429 problem with a Retry-After header and returns its seconds. */
    private static long expectTooManyRequests(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).getString("type")).isEqualTo("https://triad.example/problems/too-many-requests");
        assertThat(json(r).getInt("status")).isEqualTo(429);
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }
}
