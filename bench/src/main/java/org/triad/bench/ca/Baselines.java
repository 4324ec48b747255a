package org.triad.bench.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The raw BouncyCastle work of the CA, without HTTP, JSON, EJB, JPA, database or audit log: what
 * {@code CertificateIssuer} and {@code OcspResponder} do with BouncyCastle for one request, against a
 * local EC P-256 issuing CA generated at start. Each method is thread-safe.
 */
public final class Baselines {

    private static final String PKI_BASE = "http://localhost:8080/ca";

    private final KeyPair issuingKey;
    private final X509Certificate issuing;
    private final X500Name issuerName;
    private final X509CertificateHolder issuingHolder;

    public Baselines() {
        KeyPair rootKey = Pki.ecP256();
        X509Certificate root = Pki.caCertificate(rootKey, "Bench Root CA", null, null);
        issuingKey = Pki.ecP256();
        issuing = Pki.caCertificate(issuingKey, "Bench Issuing CA", root, rootKey);
        issuerName = X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded());
        try {
            issuingHolder = new JcaX509CertificateHolder(issuing);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate issuing() {
        return issuing;
    }

    /**
     * Builds and signs a tls-server certificate like the CA's: random 127-bit serial, CN, BC
     * CA:false, KU digitalSignature, EKU serverAuth, SKI, AKI, SAN DNS, CRL DP, AIA (OCSP + CA
     * issuers); a new signer per certificate and conversion to {@link X509Certificate} and DER, as the
     * CA does. Returns the DER.
     */
    public byte[] signCertificate(SubjectPublicKeyInfo publicKey, String dnsName) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BigInteger serial;
        do {
            serial = new BigInteger(127, Pki.RANDOM);
        } while (serial.bitLength() < 64);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, dnsName).build();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(90))), subject,
                publicKey);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(uri(PKI_BASE + "/crl"))), null, null)}));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri(PKI_BASE + "/ocsp")),
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri(PKI_BASE + "/issuing-ca.crt"))}));
        X509CertificateHolder holder = builder.build(Pki.signer(issuingKey));
        return new JcaX509CertificateConverter().getCertificate(holder).getEncoded();
    }

    /**
     * The CSR half of the CA's crypto work plus {@link #signCertificate}: parse the PEM request,
     * check its self-signature (an ECDSA verification), then build and sign. Reported as a second
     * reference, not the primary baseline.
     */
    public byte[] verifyCsrAndSign(String csrPem, String dnsName) throws Exception {
        PKCS10CertificationRequest csr = Pki.readCsr(csrPem);
        ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(Pki.BC)
                .build(csr.getSubjectPublicKeyInfo());
        if (!csr.isSignatureValid(verifier)) {
            throw new IllegalStateException("bad CSR signature");
        }
        return signCertificate(csr.getSubjectPublicKeyInfo(), dnsName);
    }

    /**
     * Answers one DER OCSP request about a certificate of the local issuing CA like the CA's
     * responder: parse, match the issuer hashes, status good, echo the nonce, sign with the issuing
     * key, encode. No status lookup (the CA reads a database row here).
     */
    public byte[] respondOcsp(byte[] requestDer) throws Exception {
        OCSPReq request = new OCSPReq(requestDer);
        DigestCalculatorProvider digests = Pki.digests();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                SubjectPublicKeyInfo.getInstance(issuing.getPublicKey().getEncoded()),
                digests.get(CertificateID.HASH_SHA1));
        Instant now = Instant.now();
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(Duration.ofMinutes(60)));
        for (Req item : request.getRequestList()) {
            CertificateID id = item.getCertID();
            if (!id.matchesIssuer(issuingHolder, digests)) {
                throw new IllegalStateException("request for another issuer");
            }
            builder.addResponse(id, CertificateStatus.GOOD, thisUpdate, nextUpdate, null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        BasicOCSPResp basic = builder.build(Pki.signer(issuingKey), null, thisUpdate);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private static GeneralName uri(String value) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(value));
    }
}
