package org.triad.shop.infrastructure.bank;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import org.triad.common.tls.TriadTls;

/** Nimbus HTTP plumbing over {@link TriadTls}: the bank's JWKS and the protocol requests to the bank. */
final class TriadRetriever {

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 10_000;

    private TriadRetriever() {
    }

    /** The bank's keys: cached 5 minutes, re-fetched on an unknown {@code kid} at most every 30 s, one retry. */
    static JWKSource<SecurityContext> jwks(URL url) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS,
                256 * 1024, true) {
            @Override
            protected HttpURLConnection openHTTPConnection(URL u) throws IOException {
                HttpURLConnection connection = super.openHTTPConnection(u);
                if (connection instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(TriadTls.sslContext().getSocketFactory());
                }
                return connection;
            }
        };
        return JWKSourceBuilder.create(url, retriever)
                .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(15).toMillis())
                .rateLimited(Duration.ofSeconds(30).toMillis())
                .retrying(true)
                .build();
    }

    /** A protocol request to the bank: Triad TLS, timeouts, no redirects followed. */
    static HTTPRequest prepared(HTTPRequest request) {
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        request.setFollowRedirects(false);
        if ("https".equalsIgnoreCase(request.getURL().getProtocol())) {
            request.setSSLSocketFactory(TriadTls.sslContext().getSocketFactory());
        }
        return request;
    }
}
