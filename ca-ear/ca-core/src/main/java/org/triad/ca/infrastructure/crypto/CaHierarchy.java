package org.triad.ca.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditHead;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.infrastructure.persistence.CaKeystoreRecord;
import org.triad.ca.application.AuditLog;

/**
 * The CA's two keys: a self-signed root and the issuing (intermediate) CA it certified. Created on
 * the very first start and stored as one PKCS#12, encrypted with the keystore password, in the CA
 * database; every later start (and every cluster member) loads that same hierarchy. The keys
 * never leave this bean and are never logged.
 *
 * <p>The keystore password comes from {@code triad.ca.keystore.password}. Without it (development)
 * a random password is generated once and kept in {@code triad.ca.data-dir}/keystore.password,
 * readable only by the server's user.
 */
@Startup
@Singleton
@DependsOn("CaDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CaHierarchy {

    private static final Logger LOG = Logger.getLogger(CaHierarchy.class.getName());
    private static final String KEYSTORE_NAME = "hierarchy";
    private static final String ROOT_ALIAS = "root";
    private static final String ISSUING_ALIAS = "issuing";

    @PersistenceContext(unitName = "ca")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.ca.key.algorithm", defaultValue = "EC")
    String keyAlgorithm;

    @Inject
    @ConfigProperty(name = "triad.ca.key.rsa-bits", defaultValue = "3072")
    int rsaBits;

    @Inject
    @ConfigProperty(name = "triad.ca.name", defaultValue = "Triad")
    String organisation;

    @Inject
    @ConfigProperty(name = "triad.ca.keystore.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "triad.ca.data-dir")
    String dataDir;

    private volatile X509Certificate root;
    private volatile X509Certificate issuing;
    private volatile PrivateKey issuingKey;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void loadOrCreate() {
        char[] password = keystorePassword();
        CaKeystoreRecord stored = em.find(CaKeystoreRecord.class, KEYSTORE_NAME);
        if (stored == null) {
            // Cluster members starting together on an empty database: the creation is audited, so whoever holds
            // the audit chain's lock creates; the others wait for it and then find its hierarchy (a locking read
            // sees the latest committed row even under REPEATABLE READ) instead of failing on a duplicate key.
            em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
            stored = em.find(CaKeystoreRecord.class, KEYSTORE_NAME, LockModeType.PESSIMISTIC_WRITE);
        }
        if (stored == null) {
            stored = create(password);
            em.persist(stored);
            em.flush();
        }
        load(stored, password);
        LOG.info(() -> "CA hierarchy ready: root " + root.getSubjectX500Principal().getName()
                + ", issuing " + issuing.getSubjectX500Principal().getName() + " (serial "
                + issuing.getSerialNumber().toString(16) + ")");
    }

    private CaKeystoreRecord create(char[] password) {
        try {
            Instant now = Instant.now();
            KeyPair rootPair = CaKeys.generate(keyAlgorithm, rsaBits);
            X500Name rootName = name("Triad Root CA");
            X509Certificate rootCert = caCertificate(rootName, rootPair, rootName, rootPair, null,
                    now, Duration.ofDays(20 * 365), -1);
            KeyPair issuingPair = CaKeys.generate(keyAlgorithm, rsaBits);
            X509Certificate issuingCert = caCertificate(name("Triad Issuing CA 1"), issuingPair, rootName, rootPair,
                    rootCert, now, Duration.ofDays(10 * 365), 0);

            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ROOT_ALIAS, rootPair.getPrivate(), password, new Certificate[] {rootCert});
            ks.setKeyEntry(ISSUING_ALIAS, issuingPair.getPrivate(), password, new Certificate[] {issuingCert, rootCert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            audit.record("system", AuditAction.CA_CREATED, rootCert.getSubjectX500Principal().getName(),
                    AuditOutcome.SUCCESS, keyAlgorithm + " root " + rootCert.getSerialNumber().toString(16)
                            + ", issuing " + issuingCert.getSerialNumber().toString(16));
            LOG.info("Created a new CA hierarchy (" + keyAlgorithm + ")");
            return new CaKeystoreRecord(KEYSTORE_NAME, keyAlgorithm.toUpperCase(), out.toByteArray(), now);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the CA hierarchy", e);
        }
    }

    private void load(CaKeystoreRecord stored, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(stored.pkcs12()), password);
            root = (X509Certificate) ks.getCertificate(ROOT_ALIAS);
            issuing = (X509Certificate) ks.getCertificate(ISSUING_ALIAS);
            issuingKey = (PrivateKey) ks.getKey(ISSUING_ALIAS, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the CA keystore: wrong triad.ca.keystore.password "
                    + "(or keystore.password in " + dataDir + ")?", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the CA keystore", e);
        }
    }

    private X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate caCertificate(X500Name subject, KeyPair subjectPair, X500Name issuer,
                                                 KeyPair issuerPair, X509Certificate issuerCert, Instant now,
                                                 Duration validity, int pathLength)
            throws GeneralSecurityException, CertIOException {
        BigInteger serial = CaKeys.randomSerial();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                subjectPair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true,
                pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                ext.createSubjectKeyIdentifier(subjectPair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                ? ext.createAuthorityKeyIdentifier(subjectPair.getPublic())
                : ext.createAuthorityKeyIdentifier(issuerCert));
        ContentSigner signer = CaKeys.signer(issuerPair.getPrivate(), issuerPair.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private char[] keystorePassword() {
        if (configuredPassword.isPresent() && !configuredPassword.get().isBlank()) {
            return configuredPassword.get().toCharArray();
        }
        Path file = Path.of(dataDir, "keystore.password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Files.writeString(file, generated, StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the directory's permissions apply
                }
                LOG.warning("triad.ca.keystore.password is not set: generated a development keystore password in "
                        + file + " (set the property in production)");
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate issuing() {
        return issuing;
    }

    /** Issuing CA first, then the root: what a server sends after its own certificate. */
    public List<X509Certificate> chain() {
        return List.of(issuing, root);
    }

    /** A fresh signer over the issuing CA key (signers are not thread-safe). */
    public ContentSigner issuingSigner() {
        return CaKeys.signer(issuingKey, issuing.getPublicKey());
    }
}
