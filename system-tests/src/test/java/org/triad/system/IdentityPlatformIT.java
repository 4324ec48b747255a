package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.triad.testkit.TriadHttp;

/**
 * The platform's second resource server: the shop accepts the bank's access tokens (validated against the bank's
 * JWKS over Triad TLS) and refuses them within a second once their device is signed out at the bank — the
 * revocation list is shared by the two applications through Payara's data grid.
 */
class IdentityPlatformIT {

    private static final String PASSWORD = "triad-dev-pass";

    @Test
    void theShopAcceptsTheBanksTokenAndRefusesItWithinOneSecondAfterTheDeviceIsSignedOut() {
        JsonObject laptop = login("alice@example.com");
        JsonObject phone = login("alice@example.com");
        String laptopToken = laptop.getString("access_token");
        String laptopHandle = laptop.getJsonObject("device").getString("handle");

        HttpResponse<String> me = shopMe(laptopToken);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonObject who = json(me);
        assertThat(who.getString("sid")).isEqualTo(laptopHandle);
        assertThat(who.getString("client_id")).isEqualTo("triad-bank");
        assertThat(who.getString("sub")).matches("\\d+");

        HttpResponse<String> revoke = bank("DELETE", "/api/v1/me/devices/" + laptopHandle,
                phone.getString("access_token"));
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(204);

        assertThat(within1s(() -> shopMe(laptopToken).statusCode(), 401)).isEqualTo(401);
        assertThat(within1s(() -> bank("GET", "/api/v1/cards", laptopToken).statusCode(), 401)).isEqualTo(401);
        assertThat(shopMe(laptopToken).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        // the other device is untouched, at both
        assertThat(shopMe(phone.getString("access_token")).statusCode()).isEqualTo(200);
        assertThat(bank("GET", "/api/v1/cards", phone.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutAllOtherDevicesKeepsTheCurrentOneAtTheShopToo() {
        String other = login("bob@example.com").getString("access_token");
        String current = login("bob@example.com").getString("access_token");
        assertThat(shopMe(other).statusCode()).isEqualTo(200);

        HttpResponse<String> r = bank("POST", "/api/v1/me/devices/sign-out-others", current);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        assertThat(within1s(() -> shopMe(other).statusCode(), 401)).isEqualTo(401);
        assertThat(shopMe(current).statusCode()).isEqualTo(200);
    }

    @Test
    void theShopRefusesMissingAndInvalidTokens() {
        HttpResponse<String> none = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/me"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(shopMe("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.").statusCode()).isEqualTo(401);
        assertThat(shopMe("opaque-session-token").statusCode()).isEqualTo(401);
    }

    private static JsonObject login(String email) {
        HttpResponse<String> r = TriadHttp.send(HttpRequest.newBuilder(TriadHttp.uri("bank", "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("User-Agent", "IdentityPlatformIT")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("email", email)
                        .add("password", PASSWORD).add("refresh_token_in_body", true).build().toString()))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static HttpResponse<String> shopMe(String token) {
        return TriadHttp.get(TriadHttp.uri("shop", "/api/v1/me"), "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> bank(String method, String path, String token) {
        return TriadHttp.send(HttpRequest.newBuilder(TriadHttp.uri("bank", path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Polls up to 1 s for the expected status; returns the last one seen. */
    private static int within1s(IntSupplier status, int expected) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        int last;
        do {
            last = status.getAsInt();
        } while (last != expected && System.nanoTime() < deadline);
        return last;
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
