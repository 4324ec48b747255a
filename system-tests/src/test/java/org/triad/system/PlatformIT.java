package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/** The whole platform as {@code ./triad start} runs it: three applications, each on its own listener. */
class PlatformIT {

    @ParameterizedTest
    @ValueSource(strings = {"ca", "bank", "shop"})
    void everyApplicationIsUpOnItsOwnHttpsListener(String app) {
        var response = TriadHttp.get(TriadHttp.uri(app, "/api/v1/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        var health = TriadHttp.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").toString())
                .contains("\"database\"")
                .contains("\"" + Deployments.expectedDatabaseProduct() + "\"");
    }

    /**
     * Many uploads at once on one HTTP/2 connection are all answered. With Payara's default request pool (5 threads
     * for every listener) this deadlocked: each worker waited for the body of its stream and none was left to read
     * the connection's DATA frames, so the whole server stood still until blocking reads timed out (30 s). Each
     * application now has a pool of its own, larger than the 100 streams one connection may carry.
     */
    @Test
    void manyUploadsAtOnceOnOneHttp2ConnectionAreAllAnswered() {
        HttpClient oneConnection = TriadHttp.newClient();
        String body = "{\"refresh_token\": \"" + "x".repeat(100_000) + "\"}";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(oneConnection.sendAsync(HttpRequest.newBuilder(TriadHttp.uri("bank", "/api/v1/auth/refresh"))
                    .version(HttpClient.Version.HTTP_2).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.join();
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            // read to the end and refused: no such refresh token
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        }
    }

    /**
     * A request body larger than 1 MiB is refused before an application reads it: 413 problem+json, whether its
     * length is declared or not (counted while read); just under the limit the request reaches the application.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bank", "ca", "shop"})
    void bodiesOverOneMebibyteAreRefusedWithTheirLengthDeclaredOrNot(String app) throws Exception {
        // endpoints that read a JSON body without signing in (the shop's only API has none: only the declared case)
        String path = switch (app) {
            case "bank" -> "/api/v1/auth/refresh";
            case "ca" -> "/api/v1/verify";
            default -> "/api/v1/me";
        };
        String tooLarge = "{\"pad\": \"" + "x".repeat(1 << 20) + "\"}";
        HttpClient client = TriadHttp.newClient();
        HttpRequest.Builder declared = HttpRequest.newBuilder(TriadHttp.uri(app, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(tooLarge));
        HttpRequest.Builder undeclared = HttpRequest.newBuilder(TriadHttp.uri(app, path))
                .timeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        tooLarge.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        for (HttpRequest.Builder request : app.equals("shop") ? List.of(declared) : List.of(declared, undeclared)) {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).contains("/problems/request-too-large").contains("1048576");
        }
        if (app.equals("bank")) {
            String almost = "{\"refresh_token\": \"" + "x".repeat((1 << 20) - 100) + "\"}";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(TriadHttp.uri(app, path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(almost)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("read and refused as an unknown token").isEqualTo(401);
        }
    }

    @Test
    void noResponseNamesTheServerProductOrItsVersion() {
        for (var r : List.of(TriadHttp.get(TriadHttp.uri("ca", "/index.xhtml?lang=en")),
                TriadHttp.get(TriadHttp.uri("bank", "/api/v1/health")),
                TriadHttp.get(TriadHttp.uri("shop", "/no-such-page")),
                TriadHttp.get(TriadHttp.uri("ca-http", "/ca.pem")))) {
            assertThat(r.headers().firstValue("Server")).as(r.uri().toString()).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(r.uri().toString()).isEmpty();
        }
    }

    @Test
    void aFormPostedWithAForgedOrExpiredViewStateIsA400PageNotAServerError() {
        // issue 18 (Low): a bad or foreign jakarta.faces.ViewState answered 500
        for (String[] page : new String[][] {{"ca", "/index.xhtml"}, {"bank", "/signin.xhtml"}, {"shop", "/index.xhtml"}}) {
            var r = TriadHttp.post(TriadHttp.uri(page[0], page[1] + "?lang=en"), "application/x-www-form-urlencoded",
                    "jakarta.faces.ViewState=forged%3A" + System.nanoTime() + "&form=form", "Accept-Language", "en");
            assertThat(r.statusCode()).as(page[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(page[0]).contains("This page has expired");
        }
    }

    @Test
    void microProfileHealthOfTheServerIsReadyWithEveryApplicationsDatabase() {
        var response = TriadHttp.get(TriadHttp.uri("ca-http", "/").resolve("/health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        var health = TriadHttp.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        var databases = health.getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).toList();
        assertThat(databases).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(c -> assertThat(c.getString("status")).isEqualTo("UP"));
    }

    @Test
    void applicationsAreSeparatedByListener() {
        // the bank lives on the bank's virtual server only, not behind the CA's certificate or the shop's
        var bankOnCaPort = TriadHttp.get(TriadHttp.uri("ca", "/").resolve("/bank/api/v1/health"));
        var shopOnBankPort = TriadHttp.get(TriadHttp.uri("bank", "/").resolve("/shop/api/v1/health"));

        assertThat(bankOnCaPort.statusCode()).isEqualTo(404);
        assertThat(shopOnBankPort.statusCode()).isEqualTo(404);
    }

    @Test
    void caServesOnlyPublicPkiPathsOverPlainHttp() {
        var health = TriadHttp.get(TriadHttp.uri("ca-http", "/api/v1/health"));
        var home = TriadHttp.get(TriadHttp.uri("ca-http", "/index.xhtml?lang=en"));
        var post = TriadHttp.post(TriadHttp.uri("ca-http", "/api/v1/anything"), "application/json", "{}");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(home.statusCode()).isEqualTo(301);
        assertThat(home.headers().firstValue("Location")).contains(TriadHttp.baseUrl("ca") + "/index.xhtml?lang=en");
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @Test
    void nothingOfThePlatformListensOnANonLoopbackAddress() throws Exception {
        Path pidFile = Path.of(System.getProperty("triad.run.dir", "../.run"),
                "payara6/glassfish/domains/domain1/config/pid");
        String pid = Files.readString(pidFile).trim();
        Set<String> inodes = socketInodesOf(pid);
        assertThat(inodes).as("sockets of the Payara process").isNotEmpty();

        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if ("0A".equals(f[3]) && inodes.contains(f[9])) { // 0A = LISTEN
                    listening.add(f[1]);
                }
            }
        }
        assertThat(listening).as("listening sockets of Payara").isNotEmpty();
        for (String local : listening) {
            InetAddress address = decode(local.substring(0, local.indexOf(':')));
            assertThat(address.isLoopbackAddress()).as("%s listens on %s", local, address).isTrue();
        }
    }

    private static Set<String> socketInodesOf(String pid) throws IOException {
        Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", pid, "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // descriptors come and go while we look
                }
            }
        }
        return inodes;
    }

    /** /proc/net/tcp prints addresses as little-endian hex words. */
    static InetAddress decode(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int pos = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(pos, pos + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    @Test
    void theMicroProfileOpenApiDocumentDescribesTheApis() {
        var response = TriadHttp.get(TriadHttp.uri("ca-http", "/").resolve("/openapi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/certificates/{serial}/revoke").contains("/api/v1/verify")
                .contains("/api/v1/diagnostics/bank").contains("/api/v1/cards/{id}/transfers");
    }
}
