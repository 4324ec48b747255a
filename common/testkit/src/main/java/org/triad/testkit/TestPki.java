package org.triad.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A test PKI shaped like the Triad CA's (root → issuing CA → leaves with the {@code tls-server} or {@code signing}
 * profile's key usages and an AIA naming an OCSP responder), for tests that cannot reach the real CA. Each leaf's
 * OCSP answer (good or revoked, signed by the issuing CA, valid for a day) is made up front and written to
 * {@code <dir>/ocsp/<name>.der}, where {@link OcspFileResponder} serves it on {@code http://127.0.0.1:<port>/ocsp/<name>}
 * — so the responder itself needs nothing but the JDK (it can run inside the server while this runs in the test
 * client).
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final int ocspPort;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair issuingKeys;
    private final X509Certificate issuing;

    /** A leaf: its key, its certificate, and the chain leaf → issuing CA → root. */
    public record Issued(String name, PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
    }

    private TestPki(Path dir, int ocspPort, String rootName) throws GeneralSecurityException, IOException {
        this.dir = dir;
        this.ocspPort = ocspPort;
        Files.createDirectories(dir.resolve("ocsp"));
        rootKeys = ecKeys();
        root = certificate(new X500Name("CN=" + rootName + " Root,O=Triad Test"), rootKeys, new X500Name("CN="
                + rootName + " Root,O=Triad Test"), rootKeys, true, null, null, null, false);
        issuingKeys = ecKeys();
        issuing = certificate(new X500Name("CN=" + rootName + " Root,O=Triad Test"), rootKeys,
                new X500Name("CN=" + rootName + " Issuing CA,O=Triad Test"), issuingKeys, true, null, null, null, false);
    }

    /**
     * @param dir      where the OCSP answers (and whatever the test writes) go
     * @param ocspPort the loopback port the leaves' AIA names
     */
    public static TestPki create(Path dir, int ocspPort, String rootName) {
        try {
            return new TestPki(dir, ocspPort, rootName);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate issuingCa() {
        return issuing;
    }

    public Path dir() {
        return dir;
    }

    /** A {@code signing} profile certificate (digitalSignature + nonRepudiation; codeSigning, emailProtection). */
    public Issued signing(String name, boolean revoked) {
        return issue(name, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_codeSigning, KeyPurposeId.id_kp_emailProtection}),
                null, revoked);
    }

    /** A {@code tls-server} profile certificate for {@code localhost} and 127.0.0.1. */
    public Issued tlsServer(String name) {
        return issue(name, new KeyUsage(KeyUsage.digitalSignature), new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth),
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), false);
    }

    /** A leaf with the given usages (e.g. a TLS certificate abused for signing). */
    public Issued issue(String name, KeyUsage ku, ExtendedKeyUsage eku, GeneralNames san, boolean revoked) {
        try {
            KeyPair keys = ecKeys();
            X509Certificate cert = certificate(X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()), issuingKeys,
                    new X500Name("CN=" + name), keys, false, ku, eku, san, true);
            writeOcspAnswer(name, cert, revoked);
            return new Issued(name, keys.getPrivate(), cert, List.of(cert, issuing, root));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 file with the leaf's key and chain under {@code alias}. */
    public Path writeKeyStore(Issued leaf, String alias, String password, Path file) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, leaf.key(), password.toCharArray(), leaf.chain().toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 truststore holding the root as {@code alias} (TriadTls looks for {@code triad-root}). */
    public Path writeTrustStore(String alias, String password, Path file) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(alias, root);
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeOcspAnswer(String name, X509Certificate cert, boolean revoked) throws GeneralSecurityException,
            IOException, org.bouncycastle.operator.OperatorCreationException, org.bouncycastle.cert.ocsp.OCSPException {
        X509CertificateHolder issuer = new JcaX509CertificateHolder(issuing);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                issuer, cert.getSerialNumber());
        Instant now = Instant.now();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
        CertificateStatus status = revoked
                ? new RevokedStatus(Date.from(now.minusSeconds(120)), CRLReason.keyCompromise)
                : CertificateStatus.GOOD;
        builder.addResponse(id, status, Date.from(now.minusSeconds(600)), Date.from(now.plus(Duration.ofDays(1))));
        OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuingKeys.getPrivate()),
                new X509CertificateHolder[] {issuer}, Date.from(now)));
        Files.write(dir.resolve("ocsp").resolve(name + ".der"), resp.getEncoded());
    }

    private X509Certificate certificate(X500Name issuerName, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
                                        boolean ca, KeyUsage ku, ExtendedKeyUsage eku, GeneralNames san, boolean aia)
            throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign) : ku);
        if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, false, eku);
        }
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, san);
        }
        if (aia) {
            String name = subject.toString().substring(3);
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                    "http://127.0.0.1:" + ocspPort + "/ocsp/" + name))));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** A free loopback port (for the OCSP responder; there is a small race until it binds). */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
