package org.triad.bench.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.triad.bench.ca.CaClient;
import org.triad.bench.common.Json;
import org.triad.bench.common.Machine;
import org.triad.bench.common.LoadRunner;
import org.triad.bench.common.Report;
import org.triad.common.security.AccessTokenValidator;
import org.triad.common.security.RevocationList;

/**
 * Identity benchmark (issue 5): the refresh grant at 1 and 8 clients — first-party ({@code POST
 * /api/v1/auth/refresh}) and at the OAuth token endpoint ({@code POST /oauth2/token}, the public demo app's grants
 * obtained through the sign-in and consent forms), both rotating — against {@code GET /api/v1/health} at the same
 * concurrency, and — in this JVM — the cost of validating an access
 * token with the common resource-server library (signature, claims, revocation list) against the signature check
 * alone. See bench/README.md.
 */
public final class IdentityBench {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);
    private static final String REFRESH_OP = "bank REST: POST /api/v1/auth/refresh (rotation, refresh token in body)";
    private static final String HEALTH_OP = "bank REST: GET /api/v1/health (baseline)";
    private static final String OAUTH_REFRESH_OP = "bank OAuth: POST /oauth2/token grant_type=refresh_token (public app, rotation)";
    private static final String ME_OP = "shop REST: GET /api/v1/me (Bearer JWT validated, revocation list checked)";
    private static final String SHOP_HEALTH_OP = "shop REST: GET /api/v1/health (baseline)";
    private static final String VALIDATE_OP = "in-process: AccessTokenValidator.validate (ES256 + claims + revocation list)";
    private static final String VALIDATE_NO_REVOCATION_OP = "in-process: AccessTokenValidator.validate without revocation list";
    private static final String VERIFY_OP = "in-process: ECDSAVerifier.verify alone (baseline)";

    private final Map<String, String> options;
    private final Report report = new Report();
    private HttpClient[] http;

    private IdentityBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("trust", "certs/trust.pem");
        o.put("bank-url", "https://localhost:9443/bank");
        o.put("shop-url", "https://localhost:10443/shop");
        o.put("email", "alice@example.com");
        o.put("password", "triad-dev-pass");
        o.put("clients", "1,8");
        o.put("seconds", "10");
        o.put("warmup-seconds", "3");
        o.put("inproc-seconds", "5");
        o.put("out", "bench/results");
        o.put("commit", "unknown");
        o.put("payara-version", "unknown");
        o.put("db", "unknown");
        for (String a : args) {
            if (a.equals("--help") || !a.startsWith("--") || !a.contains("=")
                    || !o.containsKey(a.substring(2, a.indexOf('=')))) {
                System.err.println("usage: IdentityBench " + o.keySet().stream().map(k -> "--" + k + "=" + o.get(k))
                        .reduce((x, y) -> x + " " + y).orElse(""));
                System.exit(2);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        System.exit(new IdentityBench(o).run());
    }

    private int run() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        int[] levels = Arrays.stream(options.get("clients").split(",")).mapToInt(Integer::parseInt).toArray();
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup-seconds")));
        Duration inproc = Duration.ofSeconds(Long.parseLong(options.get("inproc-seconds")));
        setup(now, seconds, warmup, inproc);
        String bank = options.get("bank-url").replaceAll("/+$", "");
        String shop = options.get("shop-url").replaceAll("/+$", "");
        SSLContext tls = CaClient.tls(Path.of(options.get("trust")));
        int max = Arrays.stream(levels).max().orElse(1);
        http = new HttpClient[max];
        for (int i = 0; i < max; i++) {
            http[i] = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        // one signed-in device per client, each with its own chain of refresh tokens
        String[] refresh = new String[max];
        String[] access = new String[max];
        for (int i = 0; i < max; i++) {
            String body = "{\"email\":\"" + options.get("email") + "\",\"password\":\"" + options.get("password")
                    + "\",\"refresh_token_in_body\":true}";
            String json = expect(http[i], post(bank + "/api/v1/auth/login", body), 200);
            refresh[i] = Json.stringMember(json, "refresh_token");
            access[i] = Json.stringMember(json, "access_token");
        }

        // one OAuth grant of the public demo app per client (code flow with PKCE through the sign-in and consent forms)
        OAuthGrants grants = new OAuthGrants(tls, bank);
        String[] oauthRefresh = new String[max];
        for (int i = 0; i < max; i++) {
            oauthRefresh[i] = grants.refreshToken(options.get("email"), options.get("password"));
        }

        int failedChecks = 0;
        for (int clients : levels) {
            LoadRunner.Op refreshOp = index -> {
                int c = index % clients;
                HttpResponse<String> r = http[c].send(post(bank + "/api/v1/auth/refresh",
                        "{\"refresh_token\":\"" + refresh[c] + "\"}"), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("refresh answered " + r.statusCode() + ": " + r.body());
                }
                refresh[c] = Json.stringMember(r.body(), "refresh_token");
                access[c] = Json.stringMember(r.body(), "access_token");
                return true;
            };
            LoadRunner.Op oauthRefreshOp = index -> {
                int c = index % clients;
                HttpResponse<String> r = http[c].send(HttpRequest.newBuilder(URI.create(bank + "/oauth2/token"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                                + OAuthGrants.CLIENT_ID + "&refresh_token=" + oauthRefresh[c])).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("OAuth refresh answered " + r.statusCode() + ": " + r.body());
                }
                oauthRefresh[c] = Json.stringMember(r.body(), "refresh_token");
                return true;
            };
            LoadRunner.Op healthOp = index -> http[index % clients].send(get(bank + "/api/v1/health", null),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            LoadRunner.Op meOp = index -> http[index % clients].send(get(shop + "/api/v1/me", access[index % clients]),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            LoadRunner.Op shopHealthOp = index -> http[index % clients].send(get(shop + "/api/v1/health", null),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;

            log("refresh grant, " + clients + " clients ...");
            LoadRunner.fixedDuration("warmup", clients, warmup, healthOp);
            Report.Row health = report.add(HEALTH_OP, "baseline", clients,
                    LoadRunner.fixedDuration("health", clients, seconds, healthOp), null);
            LoadRunner.fixedDuration("warmup", clients, warmup, refreshOp);
            report.add(REFRESH_OP, "measured", clients,
                    LoadRunner.fixedDuration("refresh", clients, seconds, refreshOp), health);
            LoadRunner.fixedDuration("warmup", clients, warmup, oauthRefreshOp);
            report.add(OAUTH_REFRESH_OP, "measured", clients,
                    LoadRunner.fixedDuration("oauth-refresh", clients, seconds, oauthRefreshOp), health);

            log("shop resource server, " + clients + " clients ...");
            LoadRunner.fixedDuration("warmup", clients, warmup, shopHealthOp);
            Report.Row shopHealth = report.add(SHOP_HEALTH_OP, "baseline", clients,
                    LoadRunner.fixedDuration("shop-health", clients, seconds, shopHealthOp), null);
            LoadRunner.fixedDuration("warmup", clients, warmup, meOp);
            report.add(ME_OP, "measured", clients, LoadRunner.fixedDuration("me", clients, seconds, meOp), shopHealth);
        }

        // checks, not timed: every chain's last refresh token still works once; its previous one is refused
        // after the grace window only, so the check is that the newest works
        for (int i = 0; i < max; i++) {
            HttpResponse<String> r = http[i].send(post(bank + "/api/v1/auth/refresh",
                    "{\"refresh_token\":\"" + refresh[i] + "\"}"), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                failedChecks++;
            }
        }
        for (int i = 0; i < max; i++) {
            HttpResponse<String> r = http[i].send(HttpRequest.newBuilder(URI.create(bank + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                            + OAuthGrants.CLIENT_ID + "&refresh_token=" + oauthRefresh[i])).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                failedChecks++;
            }
        }
        report.note(failedChecks == 0
                ? "check passed: after the run the newest refresh token of each of the " + max + " first-party and "
                        + max + " OAuth chains still refreshes"
                : "CHECK FAILED: " + failedChecks + " of " + (2 * max) + " chains lost their refresh token");
        long errors = report.rows().stream().mapToLong(r -> r.stats().errors()).sum();
        report.note(errors == 0 ? "no failed request in any phase" : errors + " failed requests (see table)");

        inProcess(inproc);

        String stamp = FILE_TIME.format(now);
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        Path md = out.resolve("identity-" + stamp + ".md");
        Path json = out.resolve("identity-" + stamp + ".json");
        Files.writeString(md, report.markdown("Identity benchmark " + stamp));
        Files.writeString(json, report.json());
        System.out.println(report.table());
        log("written " + md + " and " + json);
        return failedChecks == 0 && errors == 0 ? 0 : 1;
    }

    /** Validation cost per request in this JVM, single thread, µs per operation. */
    private void inProcess(Duration duration) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://localhost:9443/bank").subject("42")
                .audience(List.of("https://localhost:9443/bank", "https://localhost:10443/shop"))
                .expirationTime(Date.from(now.plusSeconds(900))).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .jwtID("bench").claim("sid", "bench-device").claim("scope", "profile cards:read")
                .claim("roles", List.of("customer")).claim("client_id", "triad-bank").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new ECDSASigner(key));
        String token = jwt.serialize();
        RevocationList revocations = RevocationList.inMemory();
        for (int i = 0; i < 10_000; i++) {
            revocations.revoke("revoked-" + i, now.plusSeconds(900));
        }
        var keys = new ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext>(new JWKSet(key.toPublicJWK()));
        AccessTokenValidator full = new AccessTokenValidator(keys, "https://localhost:9443/bank",
                Set.of("https://localhost:10443/shop"), revocations, AccessTokenValidator.DEFAULT_CLOCK_SKEW);
        AccessTokenValidator noRevocation = new AccessTokenValidator(keys, "https://localhost:9443/bank",
                Set.of("https://localhost:10443/shop"), null, AccessTokenValidator.DEFAULT_CLOCK_SKEW);
        ECDSAVerifier verifier = new ECDSAVerifier(key.toECPublicKey());

        LoadRunner.Op verifyOp = i -> SignedJWT.parse(token).verify(verifier);
        LoadRunner.Op validateOp = i -> full.validate(token) != null;
        LoadRunner.Op validateBareOp = i -> noRevocation.validate(token) != null;
        log("in-process validation ...");
        LoadRunner.fixedDuration("warmup", 1, duration, verifyOp);
        LoadRunner.fixedDuration("warmup", 1, duration, validateOp);
        Report.Row base = report.add(VERIFY_OP, "baseline", 1, LoadRunner.fixedDuration("verify", 1, duration, verifyOp),
                null);
        report.add(VALIDATE_NO_REVOCATION_OP, "measured", 1,
                LoadRunner.fixedDuration("validate-bare", 1, duration, validateBareOp), base);
        Report.Row fullRow = report.add(VALIDATE_OP, "measured", 1,
                LoadRunner.fixedDuration("validate", 1, duration, validateOp), base);
        report.note(String.format(Locale.ROOT, "in-process, per token: signature alone %.1f µs (mean), full validation"
                        + " with revocation list %.1f µs (mean); the revocation list here is JVM-local (10,000 entries),"
                        + " in the server it is the data grid's JCache (see the shop rows for the end-to-end cost)",
                base.stats().meanMs() * 1000, fullRow.stats().meanMs() * 1000));
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("User-Agent", "IdentityBench")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b.build();
    }

    private static String expect(HttpClient h, HttpRequest request, int status) throws IOException,
            InterruptedException {
        HttpResponse<String> r = h.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void setup(OffsetDateTime now, Duration seconds, Duration warmup, Duration inproc) {
        Runtime rt = Runtime.getRuntime();
        report.setup("date", now.toString());
        report.setup("commit", options.get("commit"));
        report.setup("machine", rt.availableProcessors() + " CPU cores visible, " + Machine.cpuModel()
                + "; client, server and database on the same machine");
        report.setup("load average at start", Machine.loadAverage() + " (1, 5, 15 min; from /proc/loadavg)");
        report.setup("JDK (benchmark)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.setup("Payara", options.get("payara-version"));
        report.setup("database (TRIAD_DB)", options.get("db"));
        report.setup("REST load", "closed loop, one TLS HTTP/1.1 keep-alive connection and one signed-in device per"
                + " client; each client refreshes its own chain (the successor of the previous answer); "
                + warmup.toSeconds() + " s warm-up + " + seconds.toSeconds() + " s measured per phase");
        report.setup("in-process", "one thread, " + inproc.toSeconds() + " s warm-up + " + inproc.toSeconds()
                + " s measured per phase, the same ES256 token each time");
    }



    private static void log(String message) {
        System.err.println("[identity-bench] " + message);
    }
}
