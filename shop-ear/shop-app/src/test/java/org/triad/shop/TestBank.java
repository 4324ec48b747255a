package org.triad.shop;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the bank's OpenID Connect provider, deployed only with the shop's in-container tests (the bank is
 * another EAR that these tests do not deploy): the same endpoints below {@code triad.shop.bank-url}, real ES256
 * tokens made with Nimbus, PKCE S256 and single-use codes enforced as the bank does, so the shop's client code runs
 * unchanged. {@code POST sign} mints arbitrary tokens for the tests (good key or another one).
 */
@Path("test-bank")
public class TestBank {

    public static final String ISSUER = "https://test-bank.invalid";
    public static final String SHOP_URL = "https://localhost:10443/shop";
    static final String BASE = "http://localhost:8080/shop/api/test-bank";
    static final String EXTRA_CONFIG = "triad.shop.bank-url=" + BASE + "\n"
            + "triad.shop.bank-issuer=" + ISSUER + "\n"
            + "triad.shop.plain-http.paths=/api/test-bank/*\n";

    static final ECKey KEY = generate("test-bank-1");
    static final ECKey OTHER_KEY = generate("test-bank-1");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static final Map<String, Grant> REFRESH = new ConcurrentHashMap<>();
    private static volatile Grant next = new Grant("10001", "sid-default", "Alice", "alice@example.com", null, null,
            null);

    record Grant(String subject, String sid, String name, String email, String nonce, String challenge, String scope) {
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("oauth2/jwks")
    @Produces("application/jwk-set+json")
    public String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** The next authorization signs in this customer with this device session. */
    @POST
    @Path("next")
    public Response next(@FormParam("sub") String sub, @FormParam("sid") String sid, @FormParam("name") String name,
                         @FormParam("accessSeconds") Integer accessSeconds) {
        next = new Grant(sub, sid, name, sub + "@example.com", null, null, null);
        codeAccessSeconds = accessSeconds == null ? 900 : accessSeconds;
        return Response.noContent().build();
    }

    /** How long the access token of the next code exchange lives (refreshed tokens always live 900 s). */
    private static volatile int codeAccessSeconds = 900;
    private static final java.util.concurrent.atomic.AtomicInteger REFRESH_GRANTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Refresh grants answered so far. */
    @GET
    @Path("refreshes")
    @Produces(MediaType.TEXT_PLAIN)
    public String refreshes() {
        return Integer.toString(REFRESH_GRANTS.get());
    }

    @GET
    @Path("oauth2/authorize")
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirect,
                              @QueryParam("response_type") String responseType, @QueryParam("scope") String scope,
                              @QueryParam("state") String state, @QueryParam("nonce") String nonce,
                              @QueryParam("code_challenge") String challenge,
                              @QueryParam("code_challenge_method") String method) {
        if (!"triad-shop".equals(clientId) || !(SHOP_URL + "/oauth/callback").equals(redirect)
                || !"code".equals(responseType) || !"S256".equals(method) || challenge == null || nonce == null) {
            return Response.status(400).entity("bad authorization request").build();
        }
        String code = random();
        Grant g = next;
        CODES.put(code, new Grant(g.subject(), g.sid(), g.name(), g.email(), nonce, challenge, scope));
        return Response.status(302).location(UriBuilder.fromUri(redirect).queryParam("code", code)
                .queryParam("state", state).queryParam("iss", ISSUER).build()).build();
    }

    @POST
    @Path("oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam("Authorization") String authorization, @FormParam("grant_type") String grant,
                          @FormParam("code") String code, @FormParam("code_verifier") String verifier,
                          @FormParam("redirect_uri") String redirect, @FormParam("refresh_token") String refresh) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "triad-shop:triad-shop-dev-only-secret".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return error(401, "invalid_client");
        }
        Grant g;
        boolean withIdToken;
        if ("authorization_code".equals(grant)) {
            g = code == null ? null : CODES.remove(code);
            if (g == null || verifier == null || !(SHOP_URL + "/oauth/callback").equals(redirect)
                    || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue()
                    .equals(g.challenge())) {
                return error(400, "invalid_grant");
            }
            withIdToken = true;
        } else if ("client_credentials".equals(grant)) {
            // the shop's merchant token for the payments API below
            return Response.ok(Json.createObjectBuilder().add("access_token", "test-merchant-" + random())
                    .add("token_type", "Bearer").add("expires_in", 900).add("scope", "payments").build().toString())
                    .header("Cache-Control", "no-store").build();
        } else if ("refresh_token".equals(grant)) {
            g = refresh == null ? null : REFRESH.remove(refresh);
            if (g == null) {
                return error(400, "invalid_grant");
            }
            REFRESH_GRANTS.incrementAndGet();
            withIdToken = false;
        } else {
            return error(400, "unsupported_grant_type");
        }
        String newRefresh = random();
        REFRESH.put(newRefresh, g);
        int seconds = withIdToken ? codeAccessSeconds : 900;
        var body = Json.createObjectBuilder()
                .add("access_token", accessToken(g.subject(), g.sid(), g.scope() == null ? "openid" : g.scope(),
                        seconds))
                .add("token_type", "Bearer").add("expires_in", seconds).add("refresh_token", newRefresh)
                .add("scope", g.scope() == null ? "openid" : g.scope());
        if (withIdToken) {
            Instant now = Instant.now();
            body.add("id_token", sign(KEY, JOSEObjectType.JWT, new JWTClaimsSet.Builder().issuer(ISSUER)
                    .subject(g.subject()).audience("triad-shop").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(900))).claim("nonce", g.nonce()).claim("sid", g.sid())
                    .claim("name", g.name()).claim("email", g.email()).claim("azp", "triad-shop").build()));
        }
        return Response.ok(body.build().toString()).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("oauth2/revoke")
    public Response revoke(@FormParam("token") String token) {
        if (token != null) {
            REFRESH.remove(token);
        }
        return Response.ok().build();
    }

    @GET
    @Path("api/v1/me/cards")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cards(@HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        // as the real bank: a card without a nickname has no "nickname" member at all
        return Response.ok("[{\"card_ref\":\"cref-active-1\",\"number\":\"6200 **** **** 0001\",\"nickname\":\"Daily\","
                + "\"status\":\"ACTIVE\"},{\"card_ref\":\"cref-frozen-2\",\"number\":\"6200 **** **** 0002\","
                + "\"status\":\"FROZEN\"}]").build();
    }

    private static final Map<String, jakarta.json.JsonObject> PAYMENTS = new ConcurrentHashMap<>();

    /**
     * The bank's payment API as far as checkouts need it: a payment per idempotency key (the same key answers the
     * same payment), CREATED until a test says otherwise; no money moves here (the system tests do that for real).
     */
    @POST
    @Path("api/v1/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createPayment(@HeaderParam("Authorization") String authorization,
                                  @HeaderParam("Idempotency-Key") String key, String body) {
        if (authorization == null || !authorization.startsWith("Bearer test-merchant-") || key == null) {
            return error(401, "invalid_token");
        }
        jakarta.json.JsonObject request = Json.createReader(new java.io.StringReader(body)).readObject();
        jakarta.json.JsonObject payment = PAYMENTS.computeIfAbsent(key, k -> {
            String id = "pay_test_" + random();
            return Json.createObjectBuilder().add("id", id).add("status", "CREATED")
                    .add("total", request.getJsonNumber("total")).add("sequence", 1)
                    .add("cashier_url", "https://localhost:9443/bank/portal/pay.xhtml?payment=" + id)
                    .add("expires_at", Instant.now().plusSeconds(request.getJsonNumber("expires_in").longValue())
                            .toString())
                    .add("payees", request.getJsonArray("payees")).build();
        });
        PAYMENTS.putIfAbsent(payment.getString("id"), payment);
        return Response.status(201).entity(payment.toString()).build();
    }

    @GET
    @Path("api/v1/payments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response payment(@PathParam("id") String id) {
        jakarta.json.JsonObject payment = PAYMENTS.get(id);
        return payment == null ? error(404, "payment-not-found") : Response.ok(payment.toString()).build();
    }

    @jakarta.ejb.EJB
    org.triad.shop.application.ReviewService reviews;

    @jakarta.ejb.EJB
    org.triad.shop.application.AccountService accounts;

    /** The seeded shop admin approves an item (the admin signs in locally; the tests have no browser here). */
    @POST
    @Path("approve")
    public Response approve(@QueryParam("item") long item) {
        long admin = accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
        reviews.approve(admin, item);
        return Response.noContent().build();
    }

    /** A bank access token for a test's REST calls. */
    @GET
    @Path("access-token")
    @Produces(MediaType.TEXT_PLAIN)
    public String accessTokenForTest(@QueryParam("sub") String sub, @QueryParam("sid") String sid) {
        return accessToken(sub, sid == null ? "sid-" + sub : sid, "openid profile", 900);
    }

    /** Mints a token for a test: {@code typ} at+jwt, logout+jwt or JWT; {@code key} good or other. */
    @POST
    @Path("sign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String signForTest(String claimsJson, @QueryParam("typ") String typ, @QueryParam("key") String key)
            throws java.text.ParseException {
        return sign("other".equals(key) ? OTHER_KEY : KEY, new JOSEObjectType(typ), JWTClaimsSet.parse(claimsJson));
    }

    /** A bank access token for the shop: audiences the issuer and the shop, as the bank's first-party tokens. */
    static String accessToken(String subject, String sid, String scope, long seconds) {
        Instant now = Instant.now();
        return sign(KEY, new JOSEObjectType("at+jwt"), new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                .audience(List.of(ISSUER, SHOP_URL)).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(seconds))).jwtID(UUID.randomUUID().toString())
                .claim("sid", sid).claim("scope", scope).claim("roles", List.of()).claim("client_id", "triad-shop")
                .build());
    }

    /** A back-channel logout token as the bank sends it. */
    static JWTClaimsSet logoutClaims(String subject, String sid, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString()).claim("sid", sid)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())).build();
    }

    static String sign(ECKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Response error(int status, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"error\":\"" + code + "\"}").header("Cache-Control", "no-store").build();
    }

    static Set<String> codes() {
        return CODES.keySet();
    }
}
