package org.triad.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS access to a running Triad for tests. Trusts exactly the certificates in the platform's
 * trust bundle ({@code certs/trust.pem}, written by {@code ./triad}), with normal hostname checks;
 * nothing here trusts all certificates.
 */
public final class TriadHttp {

    private static volatile HttpClient client;

    private TriadHttp() {
    }

    /** Base URL of an application: {@code ca}, {@code ca-http}, {@code bank} or {@code shop}. */
    public static String baseUrl(String app) {
        String fallback = switch (app) {
            case "ca" -> "https://localhost:8443/ca";
            case "ca-http" -> "http://localhost:8080/ca";
            case "bank" -> "https://localhost:9443/bank";
            case "shop" -> "https://localhost:10443/shop";
            default -> throw new IllegalArgumentException("Unknown application " + app);
        };
        return System.getProperty("triad." + app + ".url", fallback);
    }

    public static URI uri(String app, String path) {
        return URI.create(baseUrl(app) + path);
    }

    public static HttpClient client() {
        if (client == null) {
            synchronized (TriadHttp.class) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .sslContext(trustingPlatformCertificates())
                            .connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }

    /** A client of its own (no shared connection pool), e.g. to see a listener's current certificate. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().sslContext(trustingPlatformCertificates())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public static HttpResponse<String> post(URI uri, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The trust bundle; {@code -Dtriad.trust.pem=...} overrides the default {@code certs/trust.pem}. */
    public static Path trustBundle() {
        String configured = System.getProperty("triad.trust.pem");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("certs/trust.pem"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("certs/trust.pem not found; start the platform with ./triad first");
        }
        return dir.resolve("certs/trust.pem");
    }

    /** An SSL context trusting exactly the platform trust bundle (for clients other than {@link #client()}). */
    public static SSLContext trustingPlatformCertificates() {
        try (InputStream in = Files.newInputStream(trustBundle())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("triad-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the platform trust bundle", e);
        }
    }
}
