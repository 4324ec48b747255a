package org.triad.common.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The TLS client every Triad server uses to call another (bank ↔ shop ↔ CA). It presents the
 * instance's CA-issued client certificate ({@code triad.tls.client-alias} in the instance
 * keystore), trusts only the Triad root from the instance truststore (alias {@code triad-root}),
 * and refuses peers whose certificate is revoked (OCSP, answers cached for
 * {@code triad.tls.ocsp-cache-seconds}). The context is rebuilt when the keystore or truststore
 * file changes, i.e. after the instance was re-provisioned, and at least every cache period so that
 * no pooled connection to a peer outlives the revocation of the peer's certificate.
 */
public final class TriadTls {

    private static final Object LOCK = new Object();
    private static volatile Built built;

    private record Built(SSLContext context, HttpClient client, Set<TrustAnchor> anchors, long keystoreModified,
                         long truststoreModified, long expiresAt) {
        boolean fresh(long keystore, long truststore) {
            return keystoreModified == keystore && truststoreModified == truststore
                    && System.currentTimeMillis() < expiresAt;
        }
    }

    private TriadTls() {
    }

    public static SSLContext sslContext() {
        return current().context();
    }

    /**
     * The Triad root(s) of the instance truststore as PKIX trust anchors, for checking a certificate a peer presented
     * outside a handshake this class made (e.g. a client certificate a listener accepted, with
     * {@link CertificateStatus#check}).
     */
    public static Set<TrustAnchor> trustAnchors() {
        return current().anchors();
    }

    /** The Triad root this instance trusts (from its truststore): the anchor for signed notifications. */
    public static X509Certificate root() {
        return current().anchors().iterator().next().getTrustedCert();
    }

    /** An HTTP client over {@link #sslContext()} (HTTP/1.1, 5 s connect timeout). */
    public static HttpClient httpClient() {
        return current().client();
    }

    private static Built current() {
        Config config = ConfigProvider.getConfig(TriadTls.class.getClassLoader());
        Path keystore = Path.of(config.getOptionalValue("triad.tls.keystore", String.class)
                .orElse(System.getProperty("javax.net.ssl.keyStore", "keystore.p12")));
        Path truststore = Path.of(config.getOptionalValue("triad.tls.truststore", String.class)
                .orElse(System.getProperty("javax.net.ssl.trustStore", "cacerts.p12")));
        long keystoreModified = modified(keystore);
        long truststoreModified = modified(truststore);
        Built b = built;
        if (b != null && b.fresh(keystoreModified, truststoreModified)) {
            return b;
        }
        synchronized (LOCK) {
            b = built;
            if (b == null || !b.fresh(keystoreModified, truststoreModified)) {
                b = build(config, keystore, truststore, keystoreModified, truststoreModified);
                built = b;
            }
            return b;
        }
    }

    private static Built build(Config config, Path keystorePath, Path truststorePath, long keystoreModified,
                               long truststoreModified) {
        char[] password = config.getOptionalValue("triad.tls.store-password", String.class).orElse("changeit").toCharArray();
        String clientAlias = config.getOptionalValue("triad.tls.client-alias", String.class).orElse(null);
        String rootAlias = config.getOptionalValue("triad.tls.root-alias", String.class).orElse("triad-root");
        int cacheSeconds = config.getOptionalValue("triad.tls.ocsp-cache-seconds", Integer.class).orElse(30);
        try {
            KeyStore truststore = load(truststorePath, password);
            List<X509Certificate> roots = new ArrayList<>();
            X509Certificate root = (X509Certificate) truststore.getCertificate(rootAlias);
            if (root == null) {
                throw new IllegalStateException("the truststore " + truststorePath + " has no '" + rootAlias
                        + "' entry: provision this instance from the CA first (docs/deployment.md)");
            }
            roots.add(root);
            X509KeyManager[] keyManagers = null;
            if (clientAlias != null) {
                KeyStore keystore = load(keystorePath, password);
                if (!keystore.isKeyEntry(clientAlias)) {
                    throw new IllegalStateException("the keystore " + keystorePath + " has no key '" + clientAlias + "'");
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keystore, password);
                keyManagers = new X509KeyManager[] {
                    new FixedAliasKeyManager((X509KeyManager) kmf.getKeyManagers()[0], clientAlias)};
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new javax.net.ssl.TrustManager[] {
                new RevocationCheckingTrustManager(roots, Duration.ofSeconds(cacheSeconds), Clock.systemUTC())}, null);
            HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            // a new client (and so new connections, each with a full handshake and revocation
            // check) at least every cache period: pooled connections must not outlive a revocation
            return new Built(context, client, Set.of(new TrustAnchor(root, null)), keystoreModified, truststoreModified,
                    System.currentTimeMillis() + cacheSeconds * 1000L);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS client context", e);
        }
    }

    private static KeyStore load(Path path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
