package org.triad.bench.ca;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One benchmark client: its own {@link HttpClient} (HTTP/1.1, so one keep-alive connection per
 * client), TLS trusting only the certificates of the given PEM file.
 */
public final class CaClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI issueUri;
    private final URI ocspUri;
    private final String authorization;

    public CaClient(SSLContext tls, String caUrl, String pkiUrl, String user, String password) {
        http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        issueUri = URI.create(caUrl + "/api/v1/certificates");
        ocspUri = URI.create(pkiUrl + "/ocsp");
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An SSLContext whose trust store is every certificate in {@code trustPem}. */
    public static SSLContext tls(Path trustPem) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = Pki.certificates(Files.readString(trustPem, StandardCharsets.US_ASCII));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(trustPem + " holds no certificate");
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            trust.setCertificateEntry("trust-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** {@code POST /api/v1/certificates} with a prepared JSON body; the response (status and body). */
    public HttpResponse<String> issue(String jsonBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(issueUri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /ocsp} with a DER OCSP request. */
    public HttpResponse<byte[]> ocsp(byte[] requestDer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ocspUri).timeout(TIMEOUT)
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestDer)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A plain GET returning bytes (PKI downloads). */
    public byte[] get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
