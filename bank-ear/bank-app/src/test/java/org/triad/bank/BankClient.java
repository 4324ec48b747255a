package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.triad.testkit.TriadHttp;

/** The bank's REST API as a test client: one signed-in person (Basic or Bearer) or anonymous. */
final class BankClient {

    static final String PASSWORD = "triad-dev-pass";
    static final String PAY_PASSWORD = "123456";

    private final String authorization;

    private BankClient(String authorization) {
        this.authorization = authorization;
    }

    static BankClient anonymous() {
        return new BankClient(null);
    }

    static BankClient basic(String login, String password) {
        return new BankClient("Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static BankClient bearer(String token) {
        return new BankClient("Bearer " + token);
    }

    /** Signs in with a password and uses the session token from then on. */
    static BankClient login(String login, String password) {
        HttpResponse<String> r = basic(login, password).post("/api/v1/sessions", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new BankClient("Bearer " + json(r).getString("token"));
    }

    String authorization() {
        return authorization;
    }

    HttpResponse<String> get(String path) {
        return send(builder(path).GET());
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(TriadHttp.uri("bank", path)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", "BankClient/IT");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        return TriadHttp.send(b.build());
    }

    // --- the operations -------------------------------------------------------------------------

    JsonArray cards() {
        HttpResponse<String> r = get("/api/v1/cards");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return array(r);
    }

    JsonObject card(long id) {
        HttpResponse<String> r = get("/api/v1/cards/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    BigDecimal balance(long cardId) {
        return card(cardId).getJsonNumber("balance").bigDecimalValue();
    }

    HttpResponse<String> requestCode(String purpose, Long cardId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("purpose", purpose);
        if (cardId != null) {
            b.add("cardId", cardId);
        }
        return post("/api/v1/codes", b.build().toString());
    }

    HttpResponse<String> deposit(long cardId, String amount, String code, String key) {
        return post("/api/v1/cards/" + cardId + "/deposits", Json.createObjectBuilder()
                .add("amount", new BigDecimal(amount)).add("code", code).build().toString(), idem(key));
    }

    HttpResponse<String> withdraw(long cardId, String amount, String payPassword, String key) {
        return post("/api/v1/cards/" + cardId + "/withdrawals", Json.createObjectBuilder()
                .add("amount", new BigDecimal(amount)).add("payPassword", payPassword).build().toString(), idem(key));
    }

    HttpResponse<String> transfer(long cardId, String to, String amount, String payPassword, String code, String key) {
        return post("/api/v1/cards/" + cardId + "/transfers", Json.createObjectBuilder()
                .add("toCardNumber", to).add("amount", new BigDecimal(amount)).add("payPassword", payPassword)
                .add("code", code).build().toString(), idem(key));
    }

    JsonObject history(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static String[] idem(String key) {
        return key == null ? new String[0] : new String[] {"Idempotency-Key", key};
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    static JsonArray array(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray();
        }
    }
}
