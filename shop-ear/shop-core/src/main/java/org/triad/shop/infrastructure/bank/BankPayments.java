package org.triad.shop.infrastructure.bank;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.common.tls.TriadTls;

/**
 * The shop as a merchant of the bank's payments API ({@code /api/v1/payments}, docs/payments.md): a client
 * credentials token with the scope {@code payments} (kept until shortly before it expires, fetched again after a
 * 401), every call over Triad TLS with the shop's client certificate, every money-moving call with an idempotency key
 * the caller derives from its own record, so that repeating a call after a timeout can never pay or refund twice.
 */
@ApplicationScoped
public class BankPayments {

    private static final Logger LOG = Logger.getLogger(BankPayments.class.getName());

    @Inject
    @ConfigProperty(name = "triad.shop.bank-url")
    String bankUrl;

    @Inject
    @ConfigProperty(name = "triad.shop.oauth.client-id", defaultValue = "triad-shop")
    String clientId;

    @Inject
    @ConfigProperty(name = "triad.shop.oauth.client-secret", defaultValue = "triad-shop-dev-only-secret")
    String clientSecret;

    private record Token(String value, Instant expiresAt) {
    }

    private volatile Token token;

    /** A payee line: the seller's card reference, the amount, the shop's order id and a description. */
    public record Payee(String cardRef, long amountMinor, String merchantOrderId, String description) {
    }

    /** Creates (or, for the same key and body, finds again) a payment. */
    public BankPayment create(String idempotencyKey, String buyerSubject, List<Payee> payees, long totalMinor,
                              long expiresInSeconds, String returnUrl, String checkoutId) throws BankPaymentException {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (Payee p : payees) {
            lines.add(Json.createObjectBuilder().add("card_ref", p.cardRef())
                    .add("amount", BankPayment.amount(p.amountMinor())).add("merchant_order_id", p.merchantOrderId())
                    .add("description", p.description()));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("payees", lines)
                .add("total", BankPayment.amount(totalMinor)).add("currency", "CNY")
                .add("expires_in", expiresInSeconds).add("return_url", returnUrl)
                .add("metadata", Json.createObjectBuilder().add("checkout", checkoutId));
        if (buyerSubject != null) {
            body.add("buyer", buyerSubject);
        }
        return BankPayment.of(call("POST", "/api/v1/payments", idempotencyKey, body.build()));
    }

    public BankPayment get(String paymentId) throws BankPaymentException {
        return BankPayment.of(call("GET", "/api/v1/payments/" + enc(paymentId), null, null));
    }

    /** Cancels a payment not paid yet; {@code payment-not-cancellable} (409) when it was paid meanwhile. */
    public BankPayment cancel(String paymentId) throws BankPaymentException {
        return BankPayment.of(call("POST", "/api/v1/payments/" + enc(paymentId) + "/cancel", null,
                Json.createObjectBuilder().build()));
    }

    /** Refunds amounts of payee lines (merchant order id → minor units); returns the bank's refund id. */
    public String refund(String paymentId, String idempotencyKey, Map<String, Long> lines) throws BankPaymentException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        lines.forEach((order, minor) -> array.add(Json.createObjectBuilder().add("merchant_order_id", order)
                .add("amount", BankPayment.amount(minor))));
        JsonObject refund = call("POST", "/api/v1/payments/" + enc(paymentId) + "/refunds", idempotencyKey,
                Json.createObjectBuilder().add("lines", array).build());
        return refund.getString("id");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonObject call(String method, String path, String idempotencyKey, JsonObject body)
            throws BankPaymentException {
        HttpResponse<String> response = send(method, path, idempotencyKey, body, accessToken(false));
        if (response.statusCode() == 401) {
            response = send(method, path, idempotencyKey, body, accessToken(true));
        }
        if (response.statusCode() / 100 != 2) {
            String type = "http-" + response.statusCode();
            String detail = response.body();
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject problem = reader.readObject();
                String t = problem.getString("type", type);
                type = t.substring(t.lastIndexOf('/') + 1);
                detail = problem.getString("detail", detail);
            } catch (RuntimeException notJson) {
                // keep the status as the type
            }
            throw new BankPaymentException(response.statusCode(), type,
                    "The bank answered " + response.statusCode() + " (" + type + "): " + detail, null);
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw BankPaymentException.unreachable("The bank's answer could not be read.", e);
        }
    }

    private HttpResponse<String> send(String method, String path, String idempotencyKey, JsonObject body,
                                      String accessToken) throws BankPaymentException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bankUrl + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            return TriadTls.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw BankPaymentException.unreachable("The bank could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BankPaymentException.unreachable("Interrupted.", e);
        }
    }

    private String accessToken(boolean renew) throws BankPaymentException {
        Token t = token;
        if (!renew && t != null && t.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
            return t.value();
        }
        synchronized (this) {
            t = token;
            if (!renew && t != null && t.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
                return t.value();
            }
            TokenRequest request = new TokenRequest(URI.create(bankUrl + "/oauth2/token"),
                    new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
                    new ClientCredentialsGrant(), new Scope("payments"));
            TokenResponse response;
            try {
                response = TokenResponse.parse(TriadRetriever.prepared(request.toHTTPRequest()).send());
            } catch (IOException e) {
                throw BankPaymentException.unreachable("The bank's token endpoint could not be reached: " + e, e);
            } catch (ParseException e) {
                throw BankPaymentException.unreachable("The bank's token answer could not be read.", e);
            }
            if (!response.indicatesSuccess()) {
                String code = response.toErrorResponse().getErrorObject().getCode();
                LOG.warning("The bank refused the shop's client credentials: " + code);
                throw new BankPaymentException(response.toErrorResponse().getErrorObject().getHTTPStatusCode(),
                        "token-" + code, "The bank refused the shop's merchant token: " + code, null);
            }
            AccessToken access = ((AccessTokenResponse) response).getTokens().getAccessToken();
            long lifetime = access.getLifetime() > 0 ? access.getLifetime() : 300;
            token = new Token(access.getValue(), Instant.now().plusSeconds(lifetime));
            return token.value();
        }
    }
}
