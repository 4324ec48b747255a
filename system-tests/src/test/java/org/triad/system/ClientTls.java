package org.triad.system;

import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.triad.testkit.Cli;
import org.triad.testkit.TriadHttp;

/**
 * TLS clients that present a client certificate, as a merchant's back end does (mutual TLS, RFC 8705): the shop's
 * own identity as {@code ./triad} provisioned it ({@code triad-shop-client} in the domain keystore, the one the shop
 * presents through {@code TriadTls}), or a certificate the test obtains from the Triad CA with a CSR, exactly as any
 * merchant would. They trust only the platform's trust bundle and check host names.
 */
final class ClientTls {

    /** A key and the chain the CA issued for it (leaf, issuing CA). */
    record Identity(PrivateKey key, List<X509Certificate> chain, String serial) {

        X509Certificate certificate() {
            return chain.get(0);
        }

        HttpClient client() {
            return ClientTls.client(this);
        }
    }

    private ClientTls() {
    }

    /** The shop's client identity from the running domain's keystore. */
    static Identity shop() throws Exception {
        Path runDir = Path.of(System.getProperty("triad.run.dir", "../.run"));
        Path keystore = runDir.resolve("payara6/glassfish/domains/domain1/config/keystore.p12");
        char[] password = System.getenv().getOrDefault("TRIAD_KEYSTORE_PASSWORD", "changeit").toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : ks.getCertificateChain("triad-shop-client")) {
            chain.add((X509Certificate) c);
        }
        PrivateKey key = (PrivateKey) ks.getKey("triad-shop-client", password);
        return new Identity(key, chain, chain.get(0).getSerialNumber().toString(16));
    }

    /** A new {@code tls-client} certificate for {@code commonName} from the CA (CSR by the enrolment account). */
    static Identity issue(String commonName) throws Exception {
        return issue(commonName, "tls-client");
    }

    /**
     * The bank's notification signing identity from the running domain ({@code bank-notify.p12}, its password in
     * {@code bank-notify.pass}, as {@code ./triad} provisioned them).
     */
    static Identity bankNotifications() throws Exception {
        Path config = Path.of(System.getProperty("triad.run.dir", "../.run"))
                .resolve("payara6/glassfish/domains/domain1/config");
        char[] password = Files.readString(config.resolve("bank-notify.pass")).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(config.resolve("bank-notify.p12"))) {
            ks.load(in, password);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : ks.getCertificateChain("triad-bank-notify")) {
            chain.add((X509Certificate) c);
        }
        PrivateKey key = (PrivateKey) ks.getKey("triad-bank-notify", password);
        return new Identity(key, chain, chain.get(0).getSerialNumber().toString(16));
    }

    /** A new certificate of the CA's {@code profile} ({@code tls-client}, {@code signing}) for {@code commonName}. */
    static Identity issue(String commonName, String profile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        String body = jakarta.json.Json.createObjectBuilder().add("csr", pem.toString()).add("profile", profile)
                .build().toString();
        HttpResponse<String> r = TriadHttp.post(TriadHttp.uri("ca", "/api/v1/certificates"), "application/json", body,
                "Authorization", Cli.basic("ca-enroll", "triad-dev-pass"));
        if (r.statusCode() != 201) {
            throw new AssertionError("the CA refused the CSR: " + r.statusCode() + " " + r.body());
        }
        var json = TriadHttp.json(r);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (String part : List.of(json.getString("certificate"), json.getString("chain"))) {
            for (Certificate c : cf.generateCertificates(new java.io.ByteArrayInputStream(part.getBytes()))) {
                chain.add((X509Certificate) c);
            }
        }
        // the leaf and the issuing CA: the root is the verifier's own anchor
        X509Certificate leaf = chain.get(0);
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        chain.stream().skip(1).filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .forEach(path::add);
        return new Identity(keys.getPrivate(), path, leaf.getSerialNumber().toString(16));
    }

    /** Revokes a certificate at the CA (CA administrator). */
    static void revoke(Identity identity) {
        HttpResponse<String> r = TriadHttp.post(TriadHttp.uri("ca", "/api/v1/certificates/" + identity.serial()
                + "/revoke"), "application/json", "{\"reason\":\"keyCompromise\"}",
                "Authorization", Cli.basic("ca-admin", "triad-dev-pass"));
        if (r.statusCode() != 200) {
            throw new AssertionError("revocation refused: " + r.statusCode() + " " + r.body());
        }
    }

    /** An HTTP client (HTTP/1.1, own connection pool) presenting {@code identity}. */
    static HttpClient client(Identity identity) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", identity.key(), new char[0], identity.chain().toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                    Files.newInputStream(TriadHttp.trustBundle()))) {
                trust.setCertificateEntry("t" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a TLS client", e);
        }
    }

    static HttpResponse<String> post(HttpClient client, URI uri, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient client, URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
