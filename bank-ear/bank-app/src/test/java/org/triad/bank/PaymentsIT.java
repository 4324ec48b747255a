package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.interfaces.rest.probe.PaymentsFixtureResource;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * The merchant payments API over HTTPS against the deployed bank, with the cashier's confirmation (pay password and a
 * code read from the real mail) through the same service the cashier screen calls: a payment to three payees is paid
 * once, every balance moves by exactly its amount on a balanced ledger, refunds come back from each payee and never
 * beyond what was paid, also under concurrency; bad requests, replays and other merchants' ids change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentsIT {

    private static final String PAY_PASSWORD = PaymentsFixtureResource.PAY_PASSWORD;
    private static final String RETURN = "https://merchant.example/return/order-1";
    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", PaymentsFixtureResource.class);
    }

    @BeforeAll
    static void startMail() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stopMail() {
        mailbox.close();
    }

    /** What the fixture set up for one merchant. */
    record Merchant(String clientId, String secret, long settlementCard, long seller1Card, String seller1Ref,
                    long seller2Card, String seller2Ref, long buyer, String buyerEmail, long buyerCard, String token) {

        static Merchant create() {
            JsonObject o = TriadHttp.json(TriadHttp.post(TriadHttp.uri("bank",
                    "/api/test/payments/merchant?notify=https://127.0.0.1:9/notify"), "application/json", ""));
            var sellers = o.getJsonArray("sellers");
            JsonObject buyer = o.getJsonObject("buyer");
            String clientId = o.getString("client_id");
            String secret = o.getString("client_secret");
            return new Merchant(clientId, secret, o.getJsonNumber("settlement_card_id").longValue(),
                    sellers.getJsonObject(0).getJsonNumber("card_id").longValue(),
                    sellers.getJsonObject(0).getString("card_ref"),
                    sellers.getJsonObject(1).getJsonNumber("card_id").longValue(),
                    sellers.getJsonObject(1).getString("card_ref"), buyer.getJsonNumber("customer_id").longValue(),
                    buyer.getString("email"), buyer.getJsonNumber("card_id").longValue(), PaymentsIT.token(clientId, secret));
        }

        String threePayees(String total, String a, String b, String c) {
            return "{\"payees\":[{\"card_ref\":\"" + seller1Ref + "\",\"amount\":" + a
                    + ",\"merchant_order_id\":\"o-1\",\"description\":\"Tea\"},"
                    + "{\"card_ref\":\"" + seller2Ref + "\",\"amount\":" + b + ",\"merchant_order_id\":\"o-2\"},"
                    + "{\"card_ref\":\"settlement\",\"amount\":" + c + ",\"merchant_order_id\":\"fee-1\"}],"
                    + "\"total\":" + total + ",\"currency\":\"CNY\",\"return_url\":\"" + RETURN + "\","
                    + "\"metadata\":{\"checkout\":\"c-1\"}}";
        }

        HttpResponse<String> create(String key, String body) {
            return key == null
                    ? TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments"), "application/json", body,
                    "Authorization", "Bearer " + token)
                    : TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments"), "application/json", body,
                    "Authorization", "Bearer " + token, "Idempotency-Key", key);
        }

        String created(String body) {
            HttpResponse<String> r = create(UUID.randomUUID().toString(), body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return TriadHttp.json(r).getString("id");
        }

        HttpResponse<String> get(String id) {
            return TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments/" + id), "Authorization", "Bearer " + token);
        }

        HttpResponse<String> refund(String id, String key, String body) {
            return TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments/" + id + "/refunds"), "application/json",
                    body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
        }
    }

    @Test
    void aBuyerPaysThreePayeesOnceAndRefundsComeBackFromEachPayee() {
        Merchant m = Merchant.create();
        String body = m.threePayees("100.00", "30.00", "50.50", "19.50");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = m.create(key, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject payment = TriadHttp.json(created);
        String id = payment.getString("id");
        assertThat(payment.getString("status")).isEqualTo("CREATED");
        assertThat(payment.getString("cashier_url")).endsWith("/bank/pay/" + id);
        assertThat(payment.getJsonArray("payees")).hasSize(3);
        assertThat(created.body()).doesNotContain("6222"); // no card number of a payee

        // the same key and body: the first payment; the same key with another body: refused, no data of the first
        HttpResponse<String> again = m.create(key, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TriadHttp.json(again).getString("id")).isEqualTo(id);
        HttpResponse<String> reused = m.create(key, m.threePayees("100.00", "30.00", "50.00", "20.00"));
        expectProblem(reused, 422, "idempotency-key-reused");
        assertThat(reused.body()).doesNotContain(id);

        // the cashier: code by mail, pay password, one debit and one credit per payee
        List<BigDecimal> before = balances(m.buyerCard(), m.seller1Card(), m.seller2Card(), m.settlementCard());
        HttpResponse<String> paid = pay(m, id, m.buyerCard(), PAY_PASSWORD, code(m, id));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(TriadHttp.json(m.get(id)).getString("status")).isEqualTo("PAID");
        List<BigDecimal> after = balances(m.buyerCard(), m.seller1Card(), m.seller2Card(), m.settlementCard());
        assertThat(after.get(0)).isEqualByComparingTo(before.get(0).subtract(new BigDecimal("100.00")));
        assertThat(after.get(1)).isEqualByComparingTo(before.get(1).add(new BigDecimal("30.00")));
        assertThat(after.get(2)).isEqualByComparingTo(before.get(2).add(new BigDecimal("50.50")));
        assertThat(after.get(3)).isEqualByComparingTo(before.get(3).add(new BigDecimal("19.50")));
        JsonObject ledger = ledger(id);
        assertThat(ledger.getInt("unbalanced")).isZero();
        assertThat(ledger.getInt("entries")).isEqualTo(1);

        // the buyer's history names the merchant, not a payee's card
        HttpResponse<String> history = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/transactions"), "Authorization",
                basic(m.buyerEmail(), PaymentsFixtureResource.PASSWORD));
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("\"type\":\"PAYMENT\"").contains("\"counterparty\":\"Shop ");

        // a second confirmation (double click, second tab, back + resubmit): refused, nothing charged again
        expectProblem(pay(m, id, m.buyerCard(), PAY_PASSWORD, "000000"), 409, "payment-not-payable");
        assertThat(balances(m.buyerCard())).containsExactly(after.get(0));

        // partial refund of one line, then one beyond what is left of it (refused, nothing moved), then the rest
        HttpResponse<String> partial = m.refund(id, UUID.randomUUID().toString(),
                "{\"lines\":[{\"merchant_order_id\":\"o-1\",\"amount\":10.00}]}");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        assertThat(TriadHttp.json(m.get(id)).getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        expectProblem(m.refund(id, UUID.randomUUID().toString(),
                "{\"lines\":[{\"merchant_order_id\":\"o-1\",\"amount\":20.01}]}"), 422, "refund-exceeds-payment");
        HttpResponse<String> exponent = m.refund(id, UUID.randomUUID().toString(),
                "{\"lines\":[{\"merchant_order_id\":\"o-1\",\"amount\":1e-1000000}]}");
        expectProblem(exponent, 422, "invalid-amount");
        assertThat(exponent.body().length()).isLessThan(1_000);
        assertThat(balances(m.buyerCard(), m.seller1Card())).containsExactly(
                after.get(0).add(new BigDecimal("10.00")), after.get(1).subtract(new BigDecimal("10.00")));
        HttpResponse<String> rest = m.refund(id, UUID.randomUUID().toString(), "{\"lines\":["
                + "{\"merchant_order_id\":\"o-1\",\"amount\":20.00},{\"merchant_order_id\":\"o-2\",\"amount\":50.50},"
                + "{\"merchant_order_id\":\"fee-1\",\"amount\":19.50}]}");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(TriadHttp.json(m.get(id)).getString("status")).isEqualTo("REFUNDED");
        assertThat(balances(m.buyerCard(), m.seller1Card(), m.seller2Card(), m.settlementCard()))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(before);
        assertThat(ledger(id).getInt("unbalanced")).isZero();
        HttpResponse<String> refunds = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments/" + id + "/refunds"),
                "Authorization", "Bearer " + m.token());
        assertThat(TriadHttp.json(refunds).getJsonArray("items")).hasSize(2);
        assertThat(TriadHttp.get(TriadHttp.uri("bank", "/api/v1/transactions"), "Authorization",
                basic(m.buyerEmail(), PaymentsFixtureResource.PASSWORD)).body()).contains("\"type\":\"REFUND\"");
        expectProblem(m.refund(id, UUID.randomUUID().toString(),
                "{\"lines\":[{\"merchant_order_id\":\"o-1\",\"amount\":0.01}]}"), 409, "payment-not-refundable");
    }

    @Test
    void aMerchantThatRegisteredItsClientCertificateGetsTokensOnlyOverMutualTlsAndBoundTokensNeedTheCertificate() {
        Merchant m = Merchant.create();
        // unbound (no certificate registered): tokens carry no cnf and work on any connection, as before
        assertThat(claims(m.token())).doesNotContainKey("cnf");
        assertThat(m.get("pay_none").statusCode()).isEqualTo(404);

        String owner = basic(m.clientId() + "@example.com", PaymentsFixtureResource.PASSWORD);
        URI profile = TriadHttp.uri("bank", "/api/v1/me/apps/" + m.clientId() + "/merchant");
        String form = "{\"displayName\":\"Shop mTLS\",\"settlementCardId\":" + m.settlementCard()
                + ",\"notifyUrl\":\"https://127.0.0.1:9/notify\",\"returnUrlPrefixes\":[\"https://merchant.example/\"],";
        expectProblem(put(profile, "application/json", form + "\"clientCertificateSubject\":\"not a name\"}",
                "Authorization", owner), 422, "invalid-client-certificate");
        expectProblem(put(profile, "application/json", form + "\"clientCertificate\":\"-----BEGIN CERTIFICATE"
                + "-----\\nAAAA\\n-----END CERTIFICATE-----\"}", "Authorization", owner), 422, "invalid-client-certificate");
        HttpResponse<String> registered = put(profile, "application/json",
                form + "\"clientCertificateSubject\":\"O=Example, CN=" + m.clientId() + "\"}", "Authorization", owner);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(TriadHttp.json(registered).getString("clientCertificateSubject"))
                .isEqualTo("O=Example,CN=" + m.clientId());

        // its secret alone, or its client_id alone, on a connection without a client certificate: no token
        for (HttpResponse<String> refused : List.of(
                TriadHttp.post(TriadHttp.uri("bank", "/oauth2/token"), "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&scope=payments", "Authorization", basic(m.clientId(), m.secret())),
                TriadHttp.post(TriadHttp.uri("bank", "/oauth2/token"), "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&scope=payments&client_id=" + m.clientId()))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(TriadHttp.json(refused).getString("error")).isEqualTo("invalid_client");
            assertThat(refused.body()).doesNotContain("access_token").contains("no client certificate");
        }

        // a token bound to a certificate, presented without one: 401 invalid_token, nothing created
        String bound = TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/bound-token?client=" + m.clientId()
                + "&x5t=bVIJzsp5rYtMMnOJpxFqyVy_wJU7VeyKtIUSN2rTmBQ"), "text/plain", "").body();
        assertThat(claims(bound).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo("bVIJzsp5rYtMMnOJpxFqyVy_wJU7VeyKtIUSN2rTmBQ");
        HttpResponse<String> refused = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments"), "application/json",
                m.threePayees("100.00", "30.00", "50.00", "20.00"), "Authorization", "Bearer " + bound,
                "Idempotency-Key", UUID.randomUUID().toString());
        expectProblem(refused, 401, "invalid-token");
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");

        // the provider says so in its metadata (RFC 8705 §3.3)
        JsonObject metadata = TriadHttp.json(TriadHttp.get(TriadHttp.uri("bank", "/.well-known/openid-configuration")));
        assertThat(metadata.getBoolean("tls_client_certificate_bound_access_tokens")).isTrue();
    }

    private static HttpResponse<String> put(URI uri, String contentType, String body, String... headers) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", contentType)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        b.headers(headers);
        return TriadHttp.send(b.build());
    }

    private static JsonObject claims(String jwt) {
        return Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8))).readObject();
    }

    @Test
    void badPaymentsAreRefusedAndARefusedRequestDoesNotUseUpItsKey() {
        Merchant m = Merchant.create();
        Merchant other = Merchant.create();
        String key = UUID.randomUUID().toString();
        expectProblem(m.create(key, m.threePayees("99.99", "30.00", "50.00", "20.00")), 422, "invalid-payment");
        for (String amount : List.of("0", "-1.00", "1.005", "100000000.01", "\"12\"")) {
            expectProblem(m.create(UUID.randomUUID().toString(), m.threePayees("100.00", amount, "50.00", "20.00")),
                    422, "invalid-amount");
        }
        // issue 18: exponents are not amounts, and the answer never writes the number out (1e-1000000 was 1 MB)
        for (String amount : List.of("1e-1000000", "1E-1000000", "1e1000000", "1E2", "1e-2", "3.0E1")) {
            HttpResponse<String> r = m.create(UUID.randomUUID().toString(),
                    m.threePayees("100.00", amount, "50.00", "20.00"));
            expectProblem(r, 422, "invalid-amount");
            assertThat(r.body().length()).as(amount).isLessThan(1_000);
        }
        HttpResponse<String> hugeTotal = m.create(UUID.randomUUID().toString(),
                m.threePayees("1e-1000000", "30.00", "50.00", "20.00"));
        expectProblem(hugeTotal, 422, "invalid-amount");
        assertThat(hugeTotal.body().length()).isLessThan(1_000);
        String foreign = m.threePayees("100.00", "30.00", "50.00", "20.00").replace(m.seller1Ref(), other.seller1Ref());
        expectProblem(m.create(UUID.randomUUID().toString(), foreign), 422, "unknown-card-ref");
        expectProblem(m.create(UUID.randomUUID().toString(), foreign.replace(other.seller1Ref(), "cr_made_up")), 422,
                "unknown-card-ref");
        expectProblem(m.create(UUID.randomUUID().toString(), m.threePayees("100.00", "30.00", "50.00", "20.00")
                .replace(RETURN, "https://evil.example/return")), 422, "return-url-not-allowed");
        expectProblem(m.create(UUID.randomUUID().toString(), m.threePayees("100.00", "30.00", "50.00", "20.00")
                .replace("\"currency\"", "\"expires_in\":86401,\"currency\"")), 422, "invalid-payment");
        expectProblem(m.create(UUID.randomUUID().toString(), m.threePayees("100.00", "30.00", "50.00", "20.00")
                .replace("\"o-2\"", "\"o-1\"")), 422, "invalid-payment");
        expectProblem(m.create(UUID.randomUUID().toString(), "{not json"), 400, "malformed-json");
        expectProblem(m.create(null, m.threePayees("100.00", "30.00", "50.00", "20.00")), 400,
                "idempotency-key-missing");
        // the corrected request with the key of the refused one is processed
        HttpResponse<String> corrected = m.create(key, m.threePayees("100.00", "30.00", "50.00", "20.00"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        String id = TriadHttp.json(corrected).getString("id");

        // no token, a person's credentials, another merchant's payment id
        assertThat(TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments"), "application/json", "{}",
                "Idempotency-Key", "k").statusCode()).isEqualTo(401);
        assertThat(TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments/" + id), "Authorization",
                basic("alice@example.com", "triad-dev-pass")).statusCode()).isIn(401, 403);
        expectProblem(other.get(id), 404, "payment-not-found");
        expectProblem(TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments/" + id + "/cancel"), "application/json",
                "", "Authorization", "Bearer " + other.token()), 404, "payment-not-found");
        assertThat(TriadHttp.json(m.get(id)).getString("status")).isEqualTo("CREATED");
        HttpResponse<String> list = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments?merchant_order_id=o-1"),
                "Authorization", "Bearer " + other.token());
        assertThat(list.body()).doesNotContain(id);
    }

    @Test
    void theCashierRefusesWhatMustNotBeChargedAndChangesNothing() {
        Merchant m = Merchant.create();
        String id = m.created(m.threePayees("100.00", "30.00", "50.00", "20.00"));
        List<BigDecimal> before = balances(m.buyerCard(), m.seller1Card(), m.seller2Card(), m.settlementCard());
        String code = code(m, id);
        expectProblem(pay(m, id, m.buyerCard(), "000000", code), 422, "wrong-pay-password");
        expectProblem(pay(m, id, m.buyerCard(), PAY_PASSWORD, "999999".equals(code) ? "111111" : "999999"), 422,
                "invalid-code");
        expectProblem(pay(m, id, m.seller1Card(), PAY_PASSWORD, code), 404, "card-not-found"); // not the buyer's card
        JsonObject stranger = TriadHttp.json(TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/customer"),
                "application/json", ""));
        // a payment that names its buyer is not there for anyone else
        String named = m.created(m.threePayees("10.00", "5.00", "3.00", "2.00").replace("{\"payees\"",
                "{\"buyer\":\"" + m.buyer() + "\",\"payees\""));
        expectProblem(TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/code?customer="
                + stranger.getJsonNumber("customer_id") + "&payment=" + named), "application/json", ""), 404,
                "payment-not-found");
        // too little money
        String big = m.created(m.threePayees("5000.00", "3000.00", "1000.00", "1000.00"));
        expectProblem(pay(m, big, m.buyerCard(), PAY_PASSWORD, code(m, big)), 422, "insufficient-funds");
        // cancelled by the merchant, then a confirmation
        String cancelled = m.created(m.threePayees("10.00", "5.00", "3.00", "2.00"));
        String cancelCode = code(m, cancelled);
        HttpResponse<String> cancel = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments/" + cancelled
                + "/cancel"), "application/json", "", "Authorization", "Bearer " + m.token());
        assertThat(TriadHttp.json(cancel).getString("status")).isEqualTo("CANCELLED");
        expectProblem(pay(m, cancelled, m.buyerCard(), PAY_PASSWORD, cancelCode), 409, "payment-not-payable");
        expectProblem(TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments/" + cancelled + "/cancel"),
                "application/json", "", "Authorization", "Bearer " + m.token()), 409, "payment-not-cancellable");
        // expired meanwhile: refused at confirmation, and the timer closes it
        String expiring = m.created(m.threePayees("10.00", "5.00", "3.00", "2.00"));
        String expiringCode = code(m, expiring);
        TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/age?payment=" + expiring), "application/json", "");
        expectProblem(pay(m, expiring, m.buyerCard(), PAY_PASSWORD, expiringCode), 409, "payment-expired");
        long deadline = System.currentTimeMillis() + 40_000;
        while (!TriadHttp.json(m.get(expiring)).getString("status").equals("EXPIRED")
                && System.currentTimeMillis() < deadline) {
            sleep(500);
        }
        assertThat(TriadHttp.json(m.get(expiring)).getString("status")).isEqualTo("EXPIRED");
        // the card frozen meanwhile
        String frozen = m.created(m.threePayees("10.00", "5.00", "3.00", "2.00"));
        String frozenCode = code(m, frozen);
        TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/freeze?card=" + m.buyerCard()), "application/json", "");
        expectProblem(pay(m, frozen, m.buyerCard(), PAY_PASSWORD, frozenCode), 422, "card-not-usable");

        assertThat(balances(m.buyerCard(), m.seller1Card(), m.seller2Card(), m.settlementCard()))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(before);
        assertThat(TriadHttp.json(m.get(id)).getString("status")).isEqualTo("CREATED");
    }

    @Test
    void twentyConfirmationsAtOnceChargeOnce() throws Exception {
        Merchant m = Merchant.create();
        String id = m.created(m.threePayees("100.00", "30.00", "50.00", "20.00"));
        BigDecimal before = balances(m.buyerCard()).get(0);
        List<Integer> statuses = parallel(20, i -> TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/settle"
                + "?customer=" + m.buyer() + "&payment=" + id + "&card=" + m.buyerCard()), "application/json", "")
                .statusCode());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(19);
        assertThat(balances(m.buyerCard()).get(0)).isEqualByComparingTo(before.subtract(new BigDecimal("100.00")));
        assertThat(ledger(id).getInt("entries")).isEqualTo(1);
    }

    @Test
    void twoHundredIdenticalCreatesMakeOnePayment() throws Exception {
        Merchant m = Merchant.create();
        String key = UUID.randomUUID().toString();
        String body = m.threePayees("100.00", "30.00", "50.00", "20.00");
        List<String> ids = parallel(200, i -> {
            HttpResponse<String> r = m.create(key, body);
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
            return TriadHttp.json(r).getString("id");
        });
        assertThat(new HashSet<>(ids)).hasSize(1);
    }

    @Test
    void concurrentRefundsNeverGiveBackMoreThanWasPaid() throws Exception {
        Merchant m = Merchant.create();
        String id = m.created("{\"payees\":[{\"card_ref\":\"" + m.seller1Ref() + "\",\"amount\":100.00,"
                + "\"merchant_order_id\":\"o-1\"}],\"total\":100.00,\"return_url\":\"" + RETURN + "\"}");
        assertThat(pay(m, id, m.buyerCard(), PAY_PASSWORD, code(m, id)).statusCode()).isEqualTo(200);
        BigDecimal sellerAfterPayment = balances(m.seller1Card()).get(0);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        // each key sent twice: 50 refunds of 10.00 and 5 of 60.00, at once
        List<HttpResponse<String>> answers = parallel(110, i -> m.refund(id, keys.get(i % 55),
                "{\"lines\":[{\"merchant_order_id\":\"o-1\",\"amount\":" + (i % 55 < 50 ? "10.00" : "60.00") + "}]}"));
        Set<String> refundIds = new HashSet<>();
        java.util.Map<String, Set<String>> idsOfKey = new java.util.HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> a = answers.get(i);
            // refunded, replayed, beyond what is left of the line, or after the payment was fully refunded
            assertThat(a.statusCode()).as(a.body()).isIn(200, 201, 409, 422);
            if (a.statusCode() == 200 || a.statusCode() == 201) {
                String refundId = TriadHttp.json(a).getString("id");
                refundIds.add(refundId);
                idsOfKey.computeIfAbsent(keys.get(i % 55), k -> new HashSet<>()).add(refundId);
            }
        }
        assertThat(idsOfKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        JsonObject payment = TriadHttp.json(m.get(id));
        BigDecimal refunded = payment.getJsonNumber("refunded").bigDecimalValue();
        assertThat(refunded).isLessThanOrEqualTo(new BigDecimal("100.00"));
        HttpResponse<String> list = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments/" + id + "/refunds"),
                "Authorization", "Bearer " + m.token());
        var items = TriadHttp.json(list).getJsonArray("items");
        assertThat(items).hasSize(refundIds.size()); // each key refunded once
        BigDecimal sum = items.stream().map(v -> v.asJsonObject().getJsonNumber("amount").bigDecimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(refunded);
        assertThat(balances(m.seller1Card()).get(0)).isEqualByComparingTo(sellerAfterPayment.subtract(refunded));
        assertThat(ledger(id).getInt("unbalanced")).isZero();
    }

    private static String code(Merchant m, String paymentId) {
        int earlier = mailbox.count(m.buyerEmail());
        HttpResponse<String> r = TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/code?customer=" + m.buyer()
                + "&payment=" + paymentId), "application/json", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mailbox.codeAfter(m.buyerEmail(), "confirm your payment", earlier);
    }

    private static HttpResponse<String> pay(Merchant m, String id, long card, String payPassword, String code) {
        return TriadHttp.post(TriadHttp.uri("bank", "/api/test/payments/pay?customer=" + m.buyer() + "&payment=" + id
                + "&card=" + card + "&payPassword=" + payPassword + "&code=" + code), "application/json", "");
    }

    private static List<BigDecimal> balances(long... cards) {
        StringBuilder q = new StringBuilder();
        for (long c : cards) {
            q.append(q.length() == 0 ? "?" : "&").append("card=").append(c);
        }
        JsonObject o = TriadHttp.json(TriadHttp.get(TriadHttp.uri("bank", "/api/test/payments/balances" + q)));
        List<BigDecimal> result = new ArrayList<>();
        for (long c : cards) {
            result.add(o.getJsonNumber(String.valueOf(c)).bigDecimalValue());
        }
        return result;
    }

    private static JsonObject ledger(String reference) {
        return TriadHttp.json(TriadHttp.get(TriadHttp.uri("bank", "/api/test/payments/ledger?reference=" + reference)));
    }

    private static String token(String clientId, String secret) {
        HttpResponse<String> r = TriadHttp.post(TriadHttp.uri("bank", "/oauth2/token"),
                "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=payments",
                "Authorization", basic(clientId, secret));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getString("access_token");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void expectProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TriadHttp.json(r).getString("type")).endsWith("/" + type);
    }

    private static <T> List<T> parallel(int n, IndexedCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 20));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int index = i;
                futures.add(pool.submit((Callable<T>) () -> call.call(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IndexedCall<T> {
        T call(int index) throws Exception;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
