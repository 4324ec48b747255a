package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triad.testkit.Cli;
import org.triad.testkit.TriadHttp;

/**
 * Every listener serves a certificate from the Triad CA; curl trusts the bank with nothing but the
 * CA root; a revoked bank certificate makes the shop refuse the bank until the bank's next start
 * obtains a new certificate — under the same root, which survives the restart.
 */
class TlsFromTheCaIT {

    static final String ADMIN = Cli.basic("ca-admin", "triad-dev-pass");

    @TempDir
    Path dir;

    @Test
    void listenersServeCaCertificatesAndCurlTrustsTheBankWithTheRootAlone() throws Exception {
        String root = TriadHttp.get(TriadHttp.uri("ca-http", "/ca.pem")).body();
        Files.writeString(dir.resolve("root.pem"), root);
        for (String app : List.of("ca", "bank", "shop")) {
            X509Certificate served = servedCertificate(app);
            assertThat(served.getIssuerX500Principal().getName()).as(app).isEqualTo("CN=Triad Issuing CA 1,O=Triad");
        }
        Cli.Result curl = Cli.run(dir, "curl", "-sS", "--fail", "--cacert", "root.pem",
                TriadHttp.baseUrl("bank") + "/api/v1/health");
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).contains("\"UP\"");
    }

    @Test
    void aRevokedBankCertificateIsRefusedByTheShopAndReplacedAtTheBanksNextStart() throws Exception {
        String rootBefore = TriadHttp.get(TriadHttp.uri("ca-http", "/ca.pem")).body();
        X509Certificate bankBefore = servedCertificate("bank");
        HttpResponse<String> linkBefore = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/diagnostics/bank"));
        assertThat(linkBefore.statusCode()).as(linkBefore.body()).isEqualTo(200);

        String serial = bankBefore.getSerialNumber().toString(16);
        HttpResponse<String> revoked = TriadHttp.post(TriadHttp.uri("ca", "/api/v1/certificates/" + serial + "/revoke"),
                "application/json", "{\"reason\":\"keyCompromise\"}", "Authorization", ADMIN);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        // the shop caches OCSP answers briefly (triad.tls.ocsp-cache-seconds): wait for the refusal
        HttpResponse<String> refused = awaitStatus(TriadHttp.uri("shop", "/api/v1/diagnostics/bank"), 502,
                Duration.ofSeconds(90));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("bank-unreachable").contains("revoked");

        triad("stop");
        triad("start");

        X509Certificate bankAfter = servedCertificate("bank");
        assertThat(bankAfter.getSerialNumber()).isNotEqualTo(bankBefore.getSerialNumber());
        assertThat(TriadHttp.newClient().send(HttpRequest.newBuilder(TriadHttp.uri("ca-http", "/ca.pem")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).as("the root survives a restart").isEqualTo(rootBefore);
        HttpResponse<String> linkAfter = TriadHttp.newClient().send(HttpRequest.newBuilder(
                TriadHttp.uri("shop", "/api/v1/diagnostics/bank")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(linkAfter.statusCode()).as(linkAfter.body()).isEqualTo(200);
    }

    private static HttpResponse<String> awaitStatus(java.net.URI uri, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last;
        do {
            last = TriadHttp.newClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last.statusCode() + " after " + timeout + ": " + last.body());
    }

    static X509Certificate servedCertificate(String app) throws Exception {
        HttpResponse<String> r = TriadHttp.newClient().send(
                HttpRequest.newBuilder(TriadHttp.uri(app, "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        return (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
    }

    private static void triad(String command) {
        Path root = Path.of(System.getProperty("triad.root", "..")).toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of(root.resolve("triad").toString(), command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TRIAD_NO_BUILD", "1");
        Cli.Result result;
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            result = new Cli.Result(p.waitFor(), out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(result.exitCode()).as("./triad " + command + "\n" + result.output()).isZero();
    }
}
