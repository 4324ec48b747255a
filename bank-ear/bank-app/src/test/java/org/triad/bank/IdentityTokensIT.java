package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.interfaces.rest.probe.TokenProbeResource;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Tokens and devices over the real API: sign-in with JWT access tokens (verified here independently with Nimbus
 * against the published JWKS), refresh rotation with its grace window (2 s in this deployment), concurrent
 * refreshes, theft detection, device revocation, and the access tokens a resource server must refuse. Tokens that
 * only the key holder could make (expired, wrong issuer, ...) come from a test-only resource in this deployment.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityTokensIT {

    private static final String ISSUER = "https://localhost:9443/bank";
    private static final String SHOP = "https://localhost:10443/shop";
    private static final long GRACE_SECONDS = 2;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", String.join("\n",
                "triad.bank.refresh-grace-seconds=" + GRACE_SECONDS,
                // sign-ins of this test do not use up the other tests' budget (all call from 127.0.0.1)
                "triad.bank.rate-limit.cache=triad-bank-rate-limits-identity-it-" + UUID.randomUUID()),
                TokenProbeResource.class);
    }

    // --- sign-in and the token itself ---------------------------------------------------------------------------

    @Test
    void loginAnswersAnEs256JwtThatVerifiesAgainstTheJwksWithExactlyTheSpecifiedClaims() throws Exception {
        HttpResponse<String> r = login("alice@example.com", PASSWORD, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = json(r);
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getInt("expires_in")).isBetween(895, 900);
        assertThat(body.containsKey("refresh_token")).isFalse();
        String handle = body.getJsonObject("device").getString("handle");
        assertThat(Base64URL.from(handle).decode()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");

        // the refresh token only as cookie, with exactly these attributes
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("triad_refresh=[A-Za-z0-9_-]{43}; Max-Age=60480\\d; Path=/bank/api/v1/auth; "
                + "Secure; HttpOnly; SameSite=Strict");

        // an independent verifier: the JWKS as published, Nimbus' ECDSA verifier on the key the kid names
        HttpResponse<String> jwksResponse = TriadHttp.get(TriadHttp.uri("bank", "/oauth2/jwks"));
        assertThat(jwksResponse.statusCode()).isEqualTo(200);
        assertThat(jwksResponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/jwk-set+json"));
        assertThat(jwksResponse.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        JWKSet jwks = JWKSet.parse(jwksResponse.body());
        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwksResponse.body()).doesNotContain("\"d\"");

        SignedJWT jwt = SignedJWT.parse(body.getString("access_token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        String kid = jwt.getHeader().getKeyID();
        assertThat(kid).isNotBlank();
        ECKey key = (ECKey) jwks.getKeyByKeyId(kid);
        assertThat(key).as("key %s in the JWKS", kid).isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        long aliceId = json(BankClient.basic("alice@example.com", PASSWORD).get("/api/v1/me")).getJsonNumber("id")
                .longValue();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "nbf",
                "jti", "sid", "scope", "roles", "client_id");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(Long.toString(aliceId));
        assertThat(claims.getAudience()).contains(ISSUER, SHOP);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("sid")).isEqualTo(handle);
        assertThat(claims.getStringClaim("scope").split(" ")).contains("cards:read", "payments");
        assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("triad-bank");

        // and the bank accepts it
        assertThat(bearer("GET", "/api/v1/cards", body.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsA401ProblemAndMalformedInputA400() {
        HttpResponse<String> wrong = login("alice@example.com", "not-the-password-" + UUID.randomUUID(), true);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(wrong).getString("type")).endsWith("/invalid-credentials");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> malformed = post("/api/v1/auth/login", "{\"email\": ", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownMethod = post("/api/v1/auth/login",
                "{\"method\": \"carrier-pigeon\", \"email\": \"alice@example.com\"}", null);
        assertThat(unknownMethod.statusCode()).isEqualTo(400);
        HttpResponse<String> notABoolean = post("/api/v1/auth/login", "{\"email\": \"alice@example.com\", "
                + "\"password\": \"" + PASSWORD + "\", \"refresh_token_in_body\": \"yes\"}", null);
        assertThat(notABoolean.statusCode()).isEqualTo(400);
    }

    // --- refresh ------------------------------------------------------------------------------------------------

    @Test
    void refreshRotatesThePairAndTheCookieComesBackAsCookie() {
        // body mode
        JsonObject first = json(login("alice@example.com", PASSWORD, true));
        String refresh = first.getString("refresh_token");
        assertThat(first.getInt("refresh_expires_in")).isBetween(604795, 604800);
        HttpResponse<String> r = post("/api/v1/auth/refresh", "{\"refresh_token\": \"" + refresh + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject second = json(r);
        assertThat(second.getString("refresh_token")).isNotEqualTo(refresh);
        assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
        assertThat(second.getJsonObject("device").getString("handle"))
                .isEqualTo(first.getJsonObject("device").getString("handle"));
        assertThat(bearer("GET", "/api/v1/cards", second.getString("access_token")).statusCode()).isEqualTo(200);
        // the successor refreshes in turn
        HttpResponse<String> third = post("/api/v1/auth/refresh",
                "{\"refresh_token\": \"" + second.getString("refresh_token") + "\"}", null);
        assertThat(third.statusCode()).isEqualTo(200);

        // cookie mode: the browser sends the cookie, gets a new cookie and no refresh token in the body
        HttpResponse<String> browserLogin = login("alice@example.com", PASSWORD, false);
        String cookie = cookieValue(browserLogin);
        HttpResponse<String> viaCookie = post("/api/v1/auth/refresh", "{}", "triad_refresh=" + cookie);
        assertThat(viaCookie.statusCode()).as(viaCookie.body()).isEqualTo(200);
        assertThat(json(viaCookie).containsKey("refresh_token")).isFalse();
        assertThat(cookieValue(viaCookie)).isNotEqualTo(cookie).hasSize(43);
    }

    @Test
    void twentyParallelRefreshesWithOneTokenAllSucceedWithOneSuccessorPairAndReuseAfterTheGraceWindowSignsOut()
            throws Exception {
        JsonObject signedIn = json(login("alice@example.com", PASSWORD, true));
        String refresh = signedIn.getString("refresh_token");
        String body = "{\"refresh_token\": \"" + refresh + "\"}";

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<HttpResponse<String>> responses = new ArrayList<>();
        // 20 tabs of one browser: their requests share one HTTP/2 connection to the bank (on Payara's 5 default
        // request threads that once stalled the bodies for 30 s; each application now has a pool of its own)
        java.net.http.HttpClient tabs = TriadHttp.newClient();
        HttpRequest refreshRequest = HttpRequest.newBuilder(TriadHttp.uri("bank", "/api/v1/auth/refresh"))
                .header("Content-Type", "application/json").header("User-Agent", "IdentityTokensIT")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return tabs.send(refreshRequest, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(responses.stream().map(r -> json(r).getString("refresh_token")).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> json(r).getString("access_token")).distinct()).hasSize(1);
        String successorAccess = json(responses.get(0)).getString("access_token");
        String successorRefresh = json(responses.get(0)).getString("refresh_token");
        assertThat(successorRefresh).isNotEqualTo(refresh);
        assertThat(bearer("GET", "/api/v1/cards", successorAccess).statusCode()).isEqualTo(200);

        // after the grace window the old token is taken for stolen: the device session is revoked
        Thread.sleep((GRACE_SECONDS + 1) * 1000 + 200);
        HttpResponse<String> reuse = post("/api/v1/auth/refresh", body, null);
        assertThat(reuse.statusCode()).isEqualTo(401);
        assertThat(json(reuse).getString("type")).endsWith("/invalid-grant");
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", successorAccess).statusCode(), 401))
                .isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/cards", successorAccess).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("Bearer").contains("error=\"invalid_token\""));
        // the successor refresh token died with its session
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\": \"" + successorRefresh + "\"}", null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void unknownRefreshTokensAndTokensOfAnotherClientAreRefusedAndChangeNothing() {
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\": \"" + "A".repeat(43) + "\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{}", "triad_refresh=nonsense").statusCode()).isEqualTo(401);

        long bob = json(BankClient.basic("bob@example.com", PASSWORD).get("/api/v1/me")).getJsonNumber("id").longValue();
        JsonObject other = json(probe("/api/test/tokens/client/it-other-client/customer/" + bob, ""));
        HttpResponse<String> asFirstParty = post("/api/v1/auth/refresh",
                "{\"refresh_token\": \"" + other.getString("refresh_token") + "\"}", null);
        assertThat(asFirstParty.statusCode()).isEqualTo(401);
        assertThat(json(asFirstParty).getString("type")).endsWith("/invalid-grant");
        // nothing changed: the token still refreshes for its own client, its session is alive
        HttpResponse<String> own = probe("/api/test/tokens/client/it-other-client/refresh",
                other.getString("refresh_token"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    // --- devices ------------------------------------------------------------------------------------------------

    @Test
    void revokingADeviceFromAnotherDeviceRefusesItsAccessTokenWithinOneSecond() throws Exception {
        JsonObject laptop = json(login("alice@example.com", PASSWORD, true));
        JsonObject phone = json(login("alice@example.com", PASSWORD, true));
        String laptopToken = laptop.getString("access_token");
        String phoneToken = phone.getString("access_token");
        String laptopHandle = laptop.getJsonObject("device").getString("handle");
        assertThat(bearer("GET", "/api/v1/cards", laptopToken).statusCode()).isEqualTo(200);

        HttpResponse<String> devices = bearer("GET", "/api/v1/me/devices", phoneToken);
        assertThat(devices.statusCode()).isEqualTo(200);
        var list = Json.createReader(new StringReader(devices.body())).readArray();
        var laptopEntry = list.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("handle").equals(laptopHandle)).findFirst().orElseThrow();
        assertThat(laptopEntry.getString("kind")).isEqualTo("API");
        assertThat(laptopEntry.getBoolean("current")).isFalse();
        assertThat(laptopEntry.getString("userAgent")).isEqualTo("IdentityTokensIT");
        assertThat(laptopEntry.getString("ipAddress")).isNotBlank();
        assertThat(laptopEntry.containsKey("createdAt") && laptopEntry.containsKey("lastSeenAt")
                && laptopEntry.containsKey("expiresAt")).isTrue();
        assertThat(list.getValuesAs(JsonObject.class)).filteredOn(d -> d.getBoolean("current")).singleElement()
                .satisfies(d -> assertThat(d.getString("handle"))
                        .isEqualTo(phone.getJsonObject("device").getString("handle")));

        assertThat(bearer("DELETE", "/api/v1/me/devices/" + laptopHandle, phoneToken).statusCode()).isEqualTo(204);
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", laptopToken).statusCode(), 401))
                .isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/cards", phoneToken).statusCode()).isEqualTo(200);
        // its refresh token is dead too
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\": \"" + laptop.getString("refresh_token") + "\"}",
                null).statusCode()).isEqualTo(401);
    }

    @Test
    void signOutAllOthersKeepsTheCurrentDevice() {
        String one = json(login("bob@example.com", PASSWORD, true)).getString("access_token");
        String two = json(login("bob@example.com", PASSWORD, true)).getString("access_token");
        String current = json(login("bob@example.com", PASSWORD, true)).getString("access_token");

        HttpResponse<String> r = bearer("POST", "/api/v1/me/devices/sign-out-others", current);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).getInt("signedOut")).isGreaterThanOrEqualTo(2);

        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", one).statusCode(), 401)).isEqualTo(401);
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", two).statusCode(), 401)).isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/cards", current).statusCode()).isEqualTo(200);
        var active = Json.createReader(new StringReader(bearer("GET", "/api/v1/me/devices", current).body()))
                .readArray().getValuesAs(JsonObject.class);
        assertThat(active).singleElement().satisfies(d -> assertThat(d.getBoolean("current")).isTrue());
    }

    @Test
    void anotherCustomersDeviceHandleIsNotFoundAndNothingIsRevoked() {
        JsonObject bob = json(login("bob@example.com", PASSWORD, true));
        String alice = json(login("alice@example.com", PASSWORD, true)).getString("access_token");

        HttpResponse<String> r = bearer("DELETE", "/api/v1/me/devices/" + bob.getJsonObject("device").getString("handle"),
                alice);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).getString("type")).endsWith("/device-not-found");
        assertThat(bearer("DELETE", "/api/v1/me/devices/no-such-handle", alice).statusCode()).isEqualTo(404);
        assertThat(bearer("GET", "/api/v1/cards", bob.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void aClerkSeesACustomersDevicesAndSignsThemOutEverywhere() {
        JsonObject laptop = json(login("bob@example.com", PASSWORD, true));
        String phone = json(login("bob@example.com", PASSWORD, true)).getString("access_token");
        long bobId = json(bearer("GET", "/api/v1/me", phone)).getJsonNumber("id").longValue();
        String laptopHandle = laptop.getJsonObject("device").getString("handle");

        HttpResponse<String> devices = clerk("GET", "/api/v1/clerk/customers/" + bobId + "/devices");
        assertThat(devices.statusCode()).as(devices.body()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(devices.body())).readArray().getValuesAs(JsonObject.class))
                .anySatisfy(d -> assertThat(d.getString("handle")).isEqualTo(laptopHandle));

        // not for customers, not for unknown or staff accounts; nothing changes
        assertThat(bearer("POST", "/api/v1/clerk/customers/" + bobId + "/sign-out", phone).statusCode())
                .isEqualTo(403);
        assertThat(bearer("GET", "/api/v1/clerk/customers/" + bobId + "/devices", phone).statusCode())
                .isEqualTo(403);
        assertThat(clerk("POST", "/api/v1/clerk/customers/999999999999/sign-out").statusCode()).isEqualTo(404);
        long clerkId = json(clerk("GET", "/api/v1/me")).getJsonNumber("id").longValue();
        assertThat(clerk("POST", "/api/v1/clerk/customers/" + clerkId + "/sign-out").statusCode()).isEqualTo(403);
        assertThat(bearer("GET", "/api/v1/cards", phone).statusCode()).isEqualTo(200);

        long clerkRowsBefore = audited("CUSTOMER_SIGNED_OUT", clerkId, "customer:" + bobId);
        long bobRowsBefore = audited("SESSIONS_REVOKED", bobId, "customer:" + bobId);
        HttpResponse<String> signedOut = clerk("POST", "/api/v1/clerk/customers/" + bobId + "/sign-out");
        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
        assertThat(json(signedOut).getInt("signedOut")).isGreaterThanOrEqualTo(2);
        // one audit row with the clerk as actor; none claims that the customer signed himself out
        assertThat(audited("CUSTOMER_SIGNED_OUT", clerkId, "customer:" + bobId)).isEqualTo(clerkRowsBefore + 1);
        assertThat(audited("SESSIONS_REVOKED", bobId, "customer:" + bobId)).isEqualTo(bobRowsBefore);
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", phone).statusCode(), 401)).isEqualTo(401);
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", laptop.getString("access_token"))
                .statusCode(), 401)).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\": \"" + laptop.getString("refresh_token")
                + "\"}", null).statusCode()).isEqualTo(401);
        // the customer signs in again as usual
        assertThat(login("bob@example.com", PASSWORD, true).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheDeviceAndClearsTheCookie() {
        HttpResponse<String> signedIn = login("alice@example.com", PASSWORD, false);
        String access = json(signedIn).getString("access_token");
        String cookie = cookieValue(signedIn);

        HttpResponse<String> out = send(HttpRequest.newBuilder(TriadHttp.uri("bank", "/api/v1/auth/logout"))
                .header("Authorization", "Bearer " + access).header("Cookie", "triad_refresh=" + cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValue(
                "triad_refresh=; Max-Age=0; Path=/bank/api/v1/auth; Secure; HttpOnly; SameSite=Strict");
        assertThat(statusWithin1s(() -> bearer("GET", "/api/v1/cards", access).statusCode(), 401)).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{}", "triad_refresh=" + cookie).statusCode()).isEqualTo(401);
    }

    // --- tokens a resource server must refuse -------------------------------------------------------------------

    @Test
    void expiredForgedUnsignedHmacAndWrongIssuerOrAudienceTokensAreRefused() throws Exception {
        JsonObject alice = json(login("alice@example.com", PASSWORD, true));
        SignedJWT genuine = SignedJWT.parse(alice.getString("access_token"));
        JWTClaimsSet good = genuine.getJWTClaimsSet();

        // control: the same claims, signed by the bank's key through the probe, are accepted
        assertThat(bearer("GET", "/api/v1/cards", mint(good, null)).statusCode()).isEqualTo(200);

        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefused(mint(new JWTClaimsSet.Builder(good).issueTime(Date.from(past))
                .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build(), null));
        assertRefused(mint(new JWTClaimsSet.Builder(good).notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                .build(), null));
        assertRefused(mint(new JWTClaimsSet.Builder(good).issuer("https://evil.example/bank").build(), null));
        assertRefused(mint(new JWTClaimsSet.Builder(good).audience("https://evil.example/api").build(), null));
        // an ID token or other JWT of the bank is no access token
        assertRefused(mint(good, "JWT"));

        // forged signature: our own P-256 key, the bank's kid
        ECKey ours = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(genuine.getHeader().getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), good);
        forged.sign(new ECDSASigner(ours));
        assertRefused(forged.serialize());
        // the genuine signature over changed claims
        String[] parts = genuine.serialize().split("\\.");
        String changedClaims = Base64URL.encode(new JWTClaimsSet.Builder(good).subject("1").build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertRefused(parts[0] + "." + changedClaims + "." + parts[2]);

        // alg none
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertRefused(none);

        // HS256 with the public key as the secret (the classic key-confusion attack)
        JWKSet jwks = JWKSet.parse(TriadHttp.get(TriadHttp.uri("bank", "/oauth2/jwks")).body());
        ECKey published = (ECKey) jwks.getKeyByKeyId(genuine.getHeader().getKeyID());
        for (byte[] secret : List.of(published.toJSONString().getBytes(StandardCharsets.UTF_8),
                published.toECPublicKey().getEncoded())) {
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), good);
            hmac.sign(new MACSigner(secret));
            assertRefused(hmac.serialize());
        }
        // garbage that looks like a JWT
        assertRefused("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.AAAA");

        // nothing of that touched the genuine token
        assertThat(bearer("GET", "/api/v1/cards", alice.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void afterKeyRotationOldTokensStayValidAndBothKeysArePublished() throws Exception {
        String before = json(login("alice@example.com", PASSWORD, true)).getString("access_token");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        HttpResponse<String> rotated = probe("/api/test/tokens/rotate", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKid = rotated.body().trim();
        assertThat(newKid).isNotEqualTo(oldKid);

        String after = json(login("alice@example.com", PASSWORD, true)).getString("access_token");
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        JWKSet jwks = JWKSet.parse(TriadHttp.get(TriadHttp.uri("bank", "/oauth2/jwks")).body());
        assertThat(jwks.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();
        assertThat(bearer("GET", "/api/v1/cards", before).statusCode()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/cards", after).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientCredentialsTokenIsNoCustomer() throws Exception {
        String token = probe("/api/test/tokens/client/it-merchant/credentials", "").body().trim();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("it-merchant");
        assertThat(claims.getClaim("sid")).isNull();
        assertThat(claims.getStringClaim("client_id")).isEqualTo("it-merchant");
        assertThat(bearer("GET", "/api/v1/cards", token).statusCode()).isEqualTo(403);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static void assertRefused(String token) {
        HttpResponse<String> r = bearer("GET", "/api/v1/cards", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(json(r).getString("type")).endsWith("/invalid-token");
    }

    /** The bank's key signs these claims (test-only resource). */
    private static String mint(JWTClaimsSet claims, String typ) {
        HttpResponse<String> r = probe("/api/test/tokens/sign" + (typ == null ? "" : "?typ=" + typ),
                claims.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().trim();
    }

    private static HttpResponse<String> probe(String path, String body) {
        return send(HttpRequest.newBuilder(TriadHttp.uri("bank", path)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Polls up to 1 s for the expected status; returns the last one seen. */
    private static int statusWithin1s(IntSupplier status, int expected) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        int last;
        do {
            last = status.getAsInt();
        } while (last != expected && System.nanoTime() < deadline);
        return last;
    }

    static HttpResponse<String> login(String email, String password, boolean refreshInBody) {
        return post("/api/v1/auth/login", Json.createObjectBuilder().add("email", email).add("password", password)
                .add("refresh_token_in_body", refreshInBody).build().toString(), null);
    }

    static HttpResponse<String> post(String path, String json, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(TriadHttp.uri("bank", path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    static HttpResponse<String> bearer(String method, String path, String token) {
        return send(HttpRequest.newBuilder(TriadHttp.uri("bank", path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()));
    }

    /** A back-office call with the development clerk's HTTP Basic credentials. */
    /** How many audit rows of this action, actor and subject the back office lists (newest 200). */
    private static long audited(String action, long actorId, String subject) {
        HttpResponse<String> r = clerk("GET", "/api/v1/clerk/audit?action=" + action + "&actor=" + actorId
                + "&size=200");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(row -> subject.equals(row.getString("subject", null))).count();
    }

    private static HttpResponse<String> clerk(String method, String path) {
        String basic = java.util.Base64.getEncoder().encodeToString(("clerk:" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(TriadHttp.uri("bank", path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        return TriadHttp.send(b.header("User-Agent", "IdentityTokensIT").timeout(Duration.ofSeconds(60)).build());
    }

    private static String cookieValue(HttpResponse<String> r) {
        String header = r.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

}
