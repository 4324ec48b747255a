package org.triad.server;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Polls the applications' {@code /api/v1/health} until all answer 200 UP or the time is up, over
 * TLS that trusts only the platform's trust bundle. Used by {@code ./triad start} and
 * {@code ./triad status}; a single-file program so the launcher needs only a JDK.
 * <p>
 * {@code java Readiness.java <trust.pem> <timeoutSeconds> name=url...}; exit 0 iff all are ready.
 */
public final class Readiness {

    private Readiness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Readiness <trust.pem> <timeoutSeconds> name=url...");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting(Path.of(args[0])))
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            pending.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        Map<String, String> last = new LinkedHashMap<>();
        do {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var app = it.next();
                String state = probe(client, app.getValue());
                last.put(app.getKey(), state);
                if ("UP".equals(state)) {
                    System.out.printf("  %-5s UP    %s%n", app.getKey(), app.getValue());
                    it.remove();
                }
            }
            if (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
        } while (!pending.isEmpty() && Instant.now().isBefore(deadline));
        List<String> failed = new ArrayList<>();
        pending.forEach((name, url) -> {
            System.out.printf("  %-5s %s  %s%n", name, last.get(name), url);
            failed.add(name);
        });
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static String probe(HttpClient client, String url) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().replace(" ", "").startsWith("{\"status\":\"UP\"")) {
                return "UP";
            }
            return "HTTP " + r.statusCode();
        } catch (java.io.IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INTERRUPTED";
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("c" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
