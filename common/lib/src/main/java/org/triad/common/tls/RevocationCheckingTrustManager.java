package org.triad.common.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer only if its chain leads to the Triad root and the CA's OCSP responder says its
 * certificate is good. OCSP answers (good or revoked) are cached per certificate for a short time
 * so a busy client does not ask the CA on every handshake; an unreachable responder fails closed.
 * Every refusal is logged with the peer's subject and serial.
 */
public class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = Logger.getLogger(RevocationCheckingTrustManager.class.getName());

    private final X509ExtendedTrustManager chainCheck;
    private final Set<TrustAnchor> anchors;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Verdict> cache = new ConcurrentHashMap<>();

    private record Verdict(String refusal, Instant until) {
    }

    public RevocationCheckingTrustManager(List<X509Certificate> roots, Duration cacheFor, Clock clock)
            throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        Set<TrustAnchor> set = new java.util.HashSet<>();
        int i = 0;
        for (X509Certificate root : roots) {
            ks.setCertificateEntry("root-" + i++, root);
            set.add(new TrustAnchor(root, null));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        this.chainCheck = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        this.anchors = Set.copyOf(set);
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            chainCheck.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refuse(chain, "not issued by the Triad CA (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            chainCheck.checkClientTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refuse(chain, "not issued by the Triad CA (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    // The connection-aware checks let the JDK's PKIX trust manager also do what the connection asks for, above all
    // the endpoint identification (HTTPS hostname check) that java.net.http and HttpsURLConnection request: an
    // X509ExtendedTrustManager is trusted by the JDK to do it, so ignoring the connection accepted any Triad server
    // certificate for any host.

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            chainCheck.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refuse(chain, "not trusted for this server (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            chainCheck.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refuse(chain, "not trusted for this server (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            chainCheck.checkClientTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refuse(chain, "not issued by the Triad CA (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            chainCheck.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refuse(chain, "not issued by the Triad CA (" + e.getMessage() + ")");
        }
        checkRevocation(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chainCheck.getAcceptedIssuers();
    }

    private void checkRevocation(X509Certificate[] chain) throws CertificateException {
        X509Certificate leaf = chain[0];
        String key = leaf.getIssuerX500Principal().getName() + "#" + leaf.getSerialNumber().toString(16);
        Instant now = clock.instant();
        Verdict verdict = cache.get(key);
        if (verdict == null || now.isAfter(verdict.until())) {
            verdict = new Verdict(askOcsp(chain), now.plus(cacheFor));
            cache.put(key, verdict);
        }
        if (verdict.refusal() != null) {
            throw refuse(chain, verdict.refusal());
        }
    }

    /** Null if the responder says good; otherwise why the peer is refused. */
    private String askOcsp(X509Certificate[] chain) {
        CertificateStatus.Verdict verdict = CertificateStatus.check(List.of(chain), anchors, Date.from(clock.instant()));
        return switch (verdict.outcome()) {
            case GOOD -> null;
            case REVOKED -> verdict.detail();
            // the chain itself was checked before: anything else means the status is unknown
            case UNTRUSTED, UNKNOWN -> verdict.detail().startsWith("revocation") ? verdict.detail()
                    : "revocation status could not be established (" + verdict.detail() + ")";
        };
    }

    private static CertificateException refuse(X509Certificate[] chain, String why) {
        String peer = chain.length == 0 ? "(no certificate)"
                : chain[0].getSubjectX500Principal().getName() + " serial " + chain[0].getSerialNumber().toString(16);
        LOG.warning(() -> "Refused TLS peer " + peer + ": " + why);
        return new CertificateException("TLS peer " + peer + " refused: " + why);
    }
}
