package org.triad.bank.interfaces.rest.probe;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.MoneyMovements;
import org.triad.bank.application.banking.MovementRequest;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.oauth.AppForm;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.application.payments.CardReferences;
import org.triad.bank.application.payments.Merchants;
import org.triad.bank.application.payments.PaymentService;
import org.triad.bank.application.payments.internal.PaymentSteps;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.oauth.Scopes;

/**
 * Test-only resource, added to the WAR of {@code PaymentsIT}'s deployment (never to the real bank): sets up what a
 * merchant integration has after onboarding (an approved merchant app with a secret, payees whose card references
 * the app read with {@code cards:read}, a buyer with money) and reads card balances, so that the test itself can
 * speak only HTTP, mail and the browser.
 */
@Path("test/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsFixtureResource {

    public static final String PASSWORD = "payments-test-password";
    public static final String PAY_PASSWORD = "135790";

    @EJB
    Onboarding onboarding;

    @EJB
    OpenPlatform platform;

    @EJB
    Merchants merchants;

    @EJB
    CardReferences references;

    @EJB
    MoneyMovements movements;

    @EJB
    ClerkService clerks;

    @EJB
    PaymentService payments;

    @EJB
    PaymentSteps steps;

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @EJB
    org.triad.bank.application.identity.TokenService tokenService;

    /**
     * A client-credentials token with the scope {@code payments} for {@code client}, bound to the certificate with
     * thumbprint {@code x5t} (what the token endpoint issues over mutual TLS; a test client here has no certificate).
     */
    @POST
    @Path("bound-token")
    @Produces(MediaType.TEXT_PLAIN)
    public String boundToken(@QueryParam("client") String client, @QueryParam("x5t") String thumbprint) {
        return tokenService.issueClientAccessToken(client, Set.of(Scopes.PAYMENTS), "https://localhost:9443/bank",
                thumbprint);
    }

    /** A new approved merchant with two sellers and a buyer holding {@code deposit} CNY. */
    @POST
    @Path("merchant")
    public String merchant(@QueryParam("notify") String notifyUrl, @QueryParam("deposit") String deposit) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        var owner = onboarding.reviewedCustomerWithCard("Merchant " + tag, "merchant-" + tag + "@example.com",
                PASSWORD, PAY_PASSWORD, clerk);
        String clientId = "merchant-" + tag;
        String secret = "secret-" + UUID.randomUUID();
        platform.seed(owner.customerId(), clientId, new AppForm("Shop " + tag, "https://merchant.example/",
                "https://merchant.example/callback", null, Set.of(Scopes.OPENID, Scopes.CARDS_READ, Scopes.PAYMENTS),
                true, false, null, null, null, null), secret);
        merchants.describe(owner.customerId(), clientId, "Shop " + tag, owner.cardId(), notifyUrl,
                List.of("https://merchant.example/return"));
        merchants.approve(clerk, clientId);
        JsonObjectBuilder o = Json.createObjectBuilder().add("client_id", clientId).add("client_secret", secret)
                .add("settlement_card_id", owner.cardId());
        var sellers = Json.createArrayBuilder();
        for (int i = 1; i <= 2; i++) {
            var seller = onboarding.reviewedCustomerWithCard("Seller " + i, "seller" + i + "-" + tag + "@example.com",
                    PASSWORD, PAY_PASSWORD, clerk);
            sellers.add(Json.createObjectBuilder().add("card_id", seller.cardId())
                    .add("card_ref", CardReferences.refFor(references, clientId, seller.cardId())));
        }
        o.add("sellers", sellers);
        String buyerEmail = "buyer-" + tag + "@example.com";
        var buyer = onboarding.reviewedCustomerWithCard("Buyer " + tag, buyerEmail, PASSWORD, PAY_PASSWORD, clerk);
        movements.move(new MovementRequest(EntryType.DEPOSIT, buyer.customerId(), buyer.cardId(), null,
                Money.parsePositive(new BigDecimal(deposit == null ? "1000.00" : deposit)), "fixture-" + tag));
        o.add("buyer", Json.createObjectBuilder().add("customer_id", buyer.customerId()).add("email", buyerEmail)
                .add("card_id", buyer.cardId()));
        return o.build().toString();
    }

    /** Another customer (not the named buyer) with money. */
    @POST
    @Path("customer")
    public String customer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        String email = "other-" + tag + "@example.com";
        var c = onboarding.reviewedCustomerWithCard("Other " + tag, email, PASSWORD, PAY_PASSWORD, clerk);
        movements.move(new MovementRequest(EntryType.DEPOSIT, c.customerId(), c.cardId(), null,
                Money.parsePositive(new BigDecimal("1000.00")), "fixture-" + tag));
        return Json.createObjectBuilder().add("customer_id", c.customerId()).add("email", email)
                .add("card_id", c.cardId()).build().toString();
    }

    /** Mails the customer a PAYMENT code for the payment, as the cashier's button does. */
    @POST
    @Path("code")
    public String code(@QueryParam("customer") long customerId, @QueryParam("payment") String paymentId) {
        return Json.createObjectBuilder().add("expires_at", payments.requestCode(customerId, paymentId).toString())
                .build().toString();
    }

    /** Pays as the cashier's confirm button does (pay password and code checked). */
    @POST
    @Path("pay")
    public String pay(@QueryParam("customer") long customerId, @QueryParam("payment") String paymentId,
                      @QueryParam("card") long cardId, @QueryParam("payPassword") String payPassword,
                      @QueryParam("code") String code) {
        return Json.createObjectBuilder().add("status", payments.pay(customerId, paymentId, cardId,
                new Confirmation(payPassword, code)).status()).build().toString();
    }

    /** The transactional step of a payment alone (no confirmations), for the race of many confirmations. */
    @POST
    @Path("settle")
    public String settle(@QueryParam("customer") long customerId, @QueryParam("payment") String paymentId,
                         @QueryParam("card") long cardId) {
        return Json.createObjectBuilder().add("status", steps.pay(customerId, paymentId, cardId,
                "https://localhost:9443/bank").status().name()).build().toString();
    }

    /** Moves the payment's expiry into the past (as if its time had run out). */
    @POST
    @Path("age")
    public String age(@QueryParam("payment") String paymentId) throws java.sql.SQLException {
        try (var c = org.triad.common.persistence.TriadDataSource.lookup().getConnection();
             var ps = c.prepareStatement("UPDATE payment SET expires_at = ? WHERE public_id = ?")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)));
            ps.setString(2, paymentId);
            return Json.createObjectBuilder().add("updated", ps.executeUpdate()).build().toString();
        }
    }

    /** Whether every journal entry's postings sum to zero, and how many PAYMENT/REFUND entries name the reference. */
    @GET
    @Path("ledger")
    public String ledger(@QueryParam("reference") String reference) throws java.sql.SQLException {
        try (var c = org.triad.common.persistence.TriadDataSource.lookup().getConnection()) {
            long unbalanced;
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id"
                    + " HAVING SUM(amount) <> 0) u"); var rs = ps.executeQuery()) {
                rs.next();
                unbalanced = rs.getLong(1);
            }
            long entries;
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE reference = ?")) {
                ps.setString(1, reference == null ? "" : reference);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    entries = rs.getLong(1);
                }
            }
            return Json.createObjectBuilder().add("unbalanced", unbalanced).add("entries", entries).build().toString();
        }
    }

    /** The balance of each card id given. */
    @GET
    @Path("balances")
    public String balances(@QueryParam("card") List<Long> cardIds) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (long id : cardIds) {
            o.add(String.valueOf(id), cards.find(id).orElseThrow().balance().amount());
        }
        return o.build().toString();
    }

    /** Freezes a card (as a clerk would), to pay with it afterwards. */
    @POST
    @Path("freeze")
    public String freeze(@QueryParam("card") long cardId) {
        clerks.freeze(customers.findByLogin("clerk").orElseThrow().id(), cardId);
        return Json.createObjectBuilder().add("frozen", cardId).build().toString();
    }
}
