package org.triad.bank.interfaces.security;

import com.nimbusds.jose.util.X509CertUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.oauth.ClientView;
import org.triad.common.tls.CertificateStatus;
import org.triad.common.tls.TriadTls;

/**
 * Client certificates of mutual TLS (RFC 8705). The bank's HTTPS listener asks every client for a certificate
 * ({@code client-auth="want"}) and trusts only the Triad root for them; browsers and apps without one connect as
 * before. What the listener accepted is checked here again before it authenticates anyone or binds a token: a
 * {@code tls-client} certificate (extended key usage clientAuth) whose chain leads to the Triad root and whose
 * OCSP status the Triad CA's responder says is good (the {@code common} {@link CertificateStatus} check the bank's
 * other TLS peers get; an unreachable responder fails closed).
 *
 * <p>The token endpoint asks afresh for every token; resource servers reuse an answer for
 * {@code triad.tls.ocsp-cache-seconds} (default 30), like {@link TriadTls} does for peers, so that a revocation
 * reaches bound tokens within that time without an OCSP round trip per API call.
 */
@ApplicationScoped
public class ClientCertificates {

    /** The Servlet attribute holding the TLS client's certificate chain, leaf first. */
    public static final String REQUEST_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int MAX_CACHED = 10_000;
    private static final Logger LOG = Logger.getLogger(ClientCertificates.class.getName());

    @Inject
    @ConfigProperty(name = "triad.tls.ocsp-cache-seconds", defaultValue = "30")
    int cacheSeconds;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Verdict> cache = new ConcurrentHashMap<>();

    private record Verdict(String refusal, Instant until) {
    }

    /** The chain the client presented on the request's TLS connection, leaf first; empty if none. */
    public static List<X509Certificate> presented(HttpServletRequest request) {
        Object attribute = request.getAttribute(REQUEST_ATTRIBUTE);
        if (attribute instanceof X509Certificate[] chain && chain.length > 0) {
            return List.of(chain);
        }
        return List.of();
    }

    /** RFC 8705 §3.1 {@code x5t#S256}: base64url SHA-256 of the DER certificate. */
    public static String thumbprint(X509Certificate certificate) {
        return X509CertUtils.computeSHA256Thumbprint(certificate).toString();
    }

    /**
     * Null if the connection's certificate authenticates {@code client} (RFC 8705 §2.1: the registered subject DN,
     * issued by the Triad CA for client authentication, not revoked); otherwise why not. Asks the OCSP responder.
     */
    public String refusalFor(HttpServletRequest request, ClientView client) {
        List<X509Certificate> chain = presented(request);
        if (chain.isEmpty()) {
            return "no client certificate was presented on the TLS connection";
        }
        if (!client.isClientCertificateSubject(chain.get(0).getSubjectX500Principal())) {
            return "the client certificate is not the one registered for this app";
        }
        return refusal(chain, false);
    }

    /**
     * Null if the connection presented the certificate whose thumbprint a token is bound to and that certificate is
     * still good; otherwise why the token is not accepted here (RFC 8705 §3: {@code 401 invalid_token}).
     */
    public String refusalForBoundToken(HttpServletRequest request, String boundThumbprint) {
        List<X509Certificate> chain = presented(request);
        if (chain.isEmpty()) {
            return "the token is bound to a client certificate and this connection presented none";
        }
        if (!thumbprint(chain.get(0)).equals(boundThumbprint)) {
            return "the token is bound to another client certificate than this connection's";
        }
        return refusal(chain, true);
    }

    /** Null if the chain is a good Triad client certificate; otherwise why not. */
    String refusal(List<X509Certificate> chain, boolean mayUseCache) {
        X509Certificate leaf = chain.get(0);
        String key = thumbprint(leaf);
        Instant now = clock.instant();
        if (mayUseCache) {
            Verdict cached = cache.get(key);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.refusal();
            }
        }
        String refusal = check(chain, now);
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Verdict(refusal, now.plus(Duration.ofSeconds(Math.max(0, cacheSeconds)))));
        if (refusal != null) {
            LOG.warning(() -> "Refused client certificate " + leaf.getSubjectX500Principal().getName() + " serial "
                    + leaf.getSerialNumber().toString(16) + ": " + refusal);
        }
        return refusal;
    }

    private static String check(List<X509Certificate> chain, Instant now) {
        X509Certificate leaf = chain.get(0);
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages == null || !usages.contains(CLIENT_AUTH)) {
                return "the certificate is not a client certificate (extended key usage clientAuth)";
            }
        } catch (CertificateParsingException e) {
            return "the certificate cannot be read";
        }
        CertificateStatus.Verdict verdict;
        try {
            verdict = CertificateStatus.check(chain, TriadTls.trustAnchors(), Date.from(now));
        } catch (IllegalStateException e) {
            // this instance was not provisioned from the CA: it cannot check client certificates
            return "the bank cannot check client certificates now";
        }
        return switch (verdict.outcome()) {
            case GOOD -> null;
            case REVOKED -> "the client certificate is revoked";
            case UNTRUSTED -> "the client certificate is not from the Triad CA";
            case UNKNOWN -> "the client certificate's revocation status could not be established";
        };
    }
}
