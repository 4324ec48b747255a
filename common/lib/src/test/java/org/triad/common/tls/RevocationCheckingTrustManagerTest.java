package org.triad.common.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes against a server whose certificate (for {@code localhost}, from a test root) the trust manager's
 * root issued: a client that asks for HTTPS endpoint identification of another host name is refused at the chain and
 * host check, before the revocation check is even asked (it once ignored the connection and so the host name);
 * for the right host name the handshake gets past that check to the revocation check (which, with no OCSP
 * responder in this test, fails closed).
 */
class RevocationCheckingTrustManagerTest {

    private static X509Certificate root;
    private static KeyStore serverKeys;

    @BeforeAll
    static void certificates() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair rootPair = generator.generateKeyPair();
        KeyPair leafPair = generator.generateKeyPair();
        X500Name rootName = new X500Name("CN=Test Root");
        Instant now = Instant.now();
        root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootName,
                BigInteger.ONE, Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), rootName,
                rootPair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootPair.getPrivate())));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                rootName, BigInteger.TWO, Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)),
                new X500Name("CN=localhost"), leafPair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootPair.getPrivate())));
        serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", leafPair.getPrivate(), "x".toCharArray(), new Certificate[] {leaf, root});
    }

    @Test
    void aCertificateForAnotherHostIsRefusedBeforeRevocationIsAsked() throws Exception {
        String refusal = handshakeAs("bank.example");
        assertThat(refusal).contains("not trusted for this server").contains("bank.example")
                .doesNotContain("revocation");
    }

    @Test
    void theRightHostPassesTheChainAndHostCheckAndGoesOnToRevocation() throws Exception {
        String refusal = handshakeAs("localhost");
        assertThat(refusal).doesNotContain("not trusted for this server").contains("revocation");
    }

    /** What the client's trust manager refused, connecting to the test server under {@code host}. */
    private static String handshakeAs(String host) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, "x".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        RevocationCheckingTrustManager trust = new RevocationCheckingTrustManager(List.of(root),
                Duration.ofSeconds(30), Clock.systemUTC());
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {trust}, null);

        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                } catch (IOException expected) {
                    // the client aborts the handshake
                }
            });
            accept.start();
            AtomicReference<String> refusal = new AtomicReference<>("(accepted)");
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                         .createSocket(plain, host, server.getLocalPort(), true)) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
            } catch (IOException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                refusal.set(cause.getMessage());
            }
            accept.join(10_000);
            return refusal.get();
        }
    }
}
