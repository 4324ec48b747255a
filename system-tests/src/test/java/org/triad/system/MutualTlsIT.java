package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.triad.testkit.Cli;
import org.triad.testkit.TriadHttp;

/**
 * Mutual TLS for merchants (RFC 8705) on the running platform, with real certificates from the Triad CA: the bank's
 * listener asks for a client certificate naming the Triad root alone and lets browsers and clients without one in;
 * the shop's back end (the development merchant, whose certificate subject {@code CN=shop} the seed registered) gets
 * client-credentials tokens bound to the certificate it presented ({@code cnf.x5t#S256}); such a token is refused on
 * a connection without that certificate, a token request with another client's certificate or a revoked one is
 * refused, and nothing is created by a refused call.
 */
class MutualTlsIT {

    private static final String SHOP = "triad-shop";
    private static final String SHOP_SECRET = "triad-shop-dev-only-secret";
    private static final URI TOKEN = TriadHttp.uri("bank", "/oauth2/token");

    @TempDir
    Path dir;

    @Test
    void theShopsTokenIsBoundToItsCertificateAndRefusedWithoutIt() throws Exception {
        ClientTls.Identity shop = ClientTls.shop();
        HttpClient shopTls = shop.client();
        HttpResponse<String> issued = ClientTls.post(shopTls, TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments", "Authorization", Cli.basic(SHOP, SHOP_SECRET));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = TriadHttp.json(issued).getString("access_token");
        assertThat(claims(token).getJsonObject("cnf").getString("x5t#S256")).isEqualTo(thumbprint(shop.certificate()));

        // with the certificate: the payments API answers
        HttpResponse<String> listed = ClientTls.get(shopTls, TriadHttp.uri("bank", "/api/v1/payments?limit=1"),
                "Authorization", "Bearer " + token);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

        // the same token on a connection without a client certificate: 401 invalid_token, nothing created
        String order = "mtls-" + UUID.randomUUID();
        HttpResponse<String> withoutCertificate = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/payments"),
                "application/json", payment(order), "Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString());
        expectInvalidToken(withoutCertificate);
        expectInvalidToken(TriadHttp.get(TriadHttp.uri("bank", "/api/v1/payments?limit=1"),
                "Authorization", "Bearer " + token));

        // ... and on a connection with another good Triad client certificate
        ClientTls.Identity other = ClientTls.issue("mtls-other-" + UUID.randomUUID().toString().substring(0, 8));
        expectInvalidToken(ClientTls.post(other.client(), TriadHttp.uri("bank", "/api/v1/payments"),
                "application/json", payment(order), "Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString()));

        HttpResponse<String> search = ClientTls.get(shopTls, TriadHttp.uri("bank", "/api/v1/payments?merchant_order_id="
                + order), "Authorization", "Bearer " + token);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(TriadHttp.json(search).getJsonArray("items")).as("nothing was created").isEmpty();

        // with the certificate it goes through; introspection tells what the token is bound to (RFC 8705 §3.2)
        HttpResponse<String> created = ClientTls.post(shopTls, TriadHttp.uri("bank", "/api/v1/payments"),
                "application/json", payment(order), "Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> introspected = ClientTls.post(shopTls, TriadHttp.uri("bank", "/oauth2/introspect"),
                "application/x-www-form-urlencoded", "token=" + token, "Authorization", Cli.basic(SHOP, SHOP_SECRET));
        assertThat(introspected.statusCode()).as(introspected.body()).isEqualTo(200);
        assertThat(TriadHttp.json(introspected).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo(thumbprint(shop.certificate()));
    }

    @Test
    void aTokenRequestWithoutTheRegisteredCertificateOrWithARevokedOneIsRefused() throws Exception {
        // no certificate, and a good Triad client certificate of another subject: invalid_client, no token
        expectInvalidClient(TriadHttp.post(TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments", "Authorization", Cli.basic(SHOP, SHOP_SECRET)), null);
        ClientTls.Identity other = ClientTls.issue("mtls-other-" + UUID.randomUUID().toString().substring(0, 8));
        expectInvalidClient(ClientTls.post(other.client(), TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments", "Authorization", Cli.basic(SHOP, SHOP_SECRET)),
                "not the one registered");

        // a second certificate of the registered subject (a renewal): accepted, the token bound to *this* one
        ClientTls.Identity renewed = ClientTls.issue("shop");
        HttpClient renewedTls = renewed.client();
        HttpResponse<String> issued = ClientTls.post(renewedTls, TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments", "Authorization", Cli.basic(SHOP, SHOP_SECRET));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = TriadHttp.json(issued).getString("access_token");
        assertThat(claims(token).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo(thumbprint(renewed.certificate()))
                .isNotEqualTo(thumbprint(ClientTls.shop().certificate()));
        URI payments = TriadHttp.uri("bank", "/api/v1/payments?limit=1");
        assertThat(ClientTls.get(renewedTls, payments, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        // bound to the renewed certificate, the token is refused on the shop's other certificate
        expectInvalidToken(ClientTls.get(ClientTls.shop().client(), payments, "Authorization", "Bearer " + token));

        // revoked at the CA: the next token request is refused at once (the token endpoint asks OCSP every time) ...
        ClientTls.revoke(renewed);
        expectInvalidClient(ClientTls.post(ClientTls.client(renewed), TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments", "Authorization", Cli.basic(SHOP, SHOP_SECRET)),
                "revoked");
        // ... and the token bound to it within the OCSP cache time of the API (triad.tls.ocsp-cache-seconds, 30 s)
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        HttpResponse<String> afterRevocation;
        do {
            Thread.sleep(3000);
            afterRevocation = ClientTls.get(ClientTls.client(renewed), payments, "Authorization", "Bearer " + token);
        } while (afterRevocation.statusCode() == 200 && System.nanoTime() < deadline);
        expectInvalidToken(afterRevocation);
        assertThat(afterRevocation.body()).contains("revoked");
    }

    @Test
    void tlsClientAuthAuthenticatesTheShopByItsCertificateAlone() throws Exception {
        ClientTls.Identity shop = ClientTls.shop();
        HttpResponse<String> issued = ClientTls.post(shop.client(), TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments&client_id=" + SHOP);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(claims(TriadHttp.json(issued).getString("access_token")).getJsonObject("cnf")
                .getString("x5t#S256")).isEqualTo(thumbprint(shop.certificate()));
        // without the certificate the client_id alone is nobody
        expectInvalidClient(TriadHttp.post(TOKEN, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=payments&client_id=" + SHOP), null);

        HttpResponse<String> discovery = TriadHttp.get(TriadHttp.uri("bank", "/.well-known/openid-configuration"));
        JsonObject metadata = TriadHttp.json(discovery);
        assertThat(metadata.getBoolean("tls_client_certificate_bound_access_tokens")).isTrue();
        assertThat(metadata.getJsonArray("token_endpoint_auth_methods_supported").getValuesAs(
                jakarta.json.JsonString::getString)).contains("tls_client_auth", "client_secret_basic");
    }

    @Test
    void theBankAsksForACertificateOfTheTriadRootAloneAndLetsClientsWithoutOneIn() throws Exception {
        Files.writeString(dir.resolve("root.pem"), TriadHttp.get(TriadHttp.uri("ca-http", "/ca.pem")).body());
        Cli.Result handshake = Cli.run(dir, "sh", "-c", "openssl s_client -connect localhost:9443 -servername localhost"
                + " -CAfile root.pem -verify_return_error </dev/null 2>&1");
        assertThat(handshake.output()).contains("Verify return code: 0 (ok)");
        String names = handshake.output().substring(handshake.output().indexOf("Acceptable client certificate CA names"));
        names = names.substring(0, names.indexOf('\n', names.indexOf('\n') + 1));
        assertThat(names).contains("Triad Root CA");
        assertThat(handshake.output().split("Acceptable client certificate CA names")[1].split("\n")[2])
                .as("only one acceptable CA").doesNotStartWith("C =").doesNotStartWith("O =");
        // the CA and the shop ask nobody for a certificate
        for (String port : new String[] {"8443", "10443"}) {
            Cli.Result other = Cli.run(dir, "sh", "-c", "openssl s_client -connect localhost:" + port
                    + " -servername localhost -CAfile root.pem </dev/null 2>&1");
            assertThat(other.output()).contains("No client certificate CA names sent");
        }
        // curl without a certificate
        Cli.Result curl = Cli.run(dir, "curl", "-sS", "--fail", "--cacert", "root.pem",
                TriadHttp.baseUrl("bank") + "/api/v1/health");
        assertThat(curl.exitCode()).as(curl.output()).isZero();

        // a browser without client certificates is neither prompted nor refused
        Browser browser = Browser.start();
        try {
            browser.open("bank", "/signin.xhtml");
            browser.waits().until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            assertThat(browser.driver().getCurrentUrl()).startsWith(TriadHttp.baseUrl("bank"));
        } finally {
            browser.quit();
        }
    }

    private static String payment(String order) {
        return "{\"payees\":[{\"card_ref\":\"settlement\",\"amount\":1.00,\"merchant_order_id\":\"" + order + "\"}],"
                + "\"total\":1.00,\"currency\":\"CNY\",\"return_url\":\"https://localhost:10443/shop/checkout/done\"}";
    }

    private static void expectInvalidToken(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer")
                .contains("error=\"invalid_token\"");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(TriadHttp.json(r).getString("type")).endsWith("/invalid-token");
    }

    private static void expectInvalidClient(HttpResponse<String> r, String because) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        JsonObject error = TriadHttp.json(r);
        assertThat(error.getString("error")).isEqualTo("invalid_client");
        assertThat(error.containsKey("access_token")).isFalse();
        if (because != null) {
            assertThat(error.getString("error_description")).contains(because);
        }
    }

    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
