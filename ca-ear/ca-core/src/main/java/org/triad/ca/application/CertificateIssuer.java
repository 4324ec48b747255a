package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.triad.ca.domain.model.account.CaAccount;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateAccessDeniedException;
import org.triad.ca.domain.model.certificate.CertificateProfile;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.domain.model.certificate.InvalidCsrException;
import org.triad.ca.domain.model.certificate.PolicyViolationException;
import org.triad.ca.domain.model.certificate.ReservedNameException;
import org.triad.ca.domain.model.certificate.UnknownProfileException;
import org.triad.ca.infrastructure.crypto.CaHierarchy;
import org.triad.ca.infrastructure.crypto.CaKeys;
import org.triad.ca.infrastructure.crypto.KeyPolicy;
import org.triad.ca.infrastructure.crypto.Pem;

/**
 * Issues certificates: checks the request against the key and name policy of its profile, signs
 * with the issuing CA, stores and audits — one transaction. Callers outside the application layer
 * use {@link IssuanceService}, which also audits rejections.
 */
@Stateless
public class CertificateIssuer {

    /** Larger PEM input is refused before parsing; real CSRs are a few kilobytes. */
    public static final int MAX_CSR_CHARS = 16 * 1024;

    private static final int MAX_CN_LENGTH = 64;
    /** Width of {@code certificate.subject_alt_names}: the names kept must fit, or the insert would fail. */
    static final int MAX_ALT_NAMES_CHARS = 2000;
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    @Inject
    CaHierarchy ca;

    @Inject
    CaPolicy policy;

    @Inject
    CertificateRepository certificates;

    @Inject
    AuditLog audit;

    @Inject
    CertificateRevoker revoker;

    @Inject
    CaAccounts accounts;

    public static CertificateProfile profile(String name) {
        if (name == null || name.isBlank()) {
            throw new UnknownProfileException("A profile is required: tls-server, tls-client or signing.");
        }
        return CertificateProfile.fromApiName(name.trim()).orElseThrow(() -> new UnknownProfileException(
                "Unknown profile '" + name + "'; use tls-server, tls-client or signing."));
    }

    /** Parses and checks a PEM PKCS#10 request: well-formed, self-signature valid, acceptable key. */
    public static PKCS10CertificationRequest parseCsr(String csrPem) {
        if (csrPem == null || csrPem.isBlank()) {
            throw new InvalidCsrException("The CSR is empty.");
        }
        if (csrPem.length() > MAX_CSR_CHARS) {
            throw new InvalidCsrException("The CSR is larger than " + MAX_CSR_CHARS + " characters.");
        }
        PKCS10CertificationRequest csr;
        try {
            csr = Pem.readCsr(csrPem);
        } catch (IOException | RuntimeException e) {
            throw new InvalidCsrException("The CSR is not a readable PEM PKCS#10 request.");
        }
        if (csr == null) {
            throw new InvalidCsrException("No '-----BEGIN CERTIFICATE REQUEST-----' block was found.");
        }
        KeyPolicy.check(csr.getSubjectPublicKeyInfo());
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(CaKeys.BC)
                    .build(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(verifier)) {
                throw new InvalidCsrException("The CSR's signature does not match its public key.");
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof InvalidCsrException invalid) {
                throw invalid;
            }
            throw new InvalidCsrException("The CSR's signature cannot be checked.");
        }
        return csr;
    }

    public IssuedCertificate issueFromCsr(String csrPem, String profileName, Integer validityDays, String actor) {
        CertificateProfile profile = profile(profileName);
        PKCS10CertificationRequest csr = parseCsr(csrPem);
        String cn = commonName(csr.getSubject());
        GeneralNames requested = null;
        Extensions extensions = csr.getRequestedExtensions();
        if (extensions != null) {
            requested = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        }
        if (requested != null && requested.getNames().length > policy.maxSubjectAltNames()) {
            throw new PolicyViolationException("The request carries " + requested.getNames().length
                    + " subject alternative names; at most " + policy.maxSubjectAltNames() + " are certified.");
        }
        return issue(csr.getSubjectPublicKeyInfo(), cn, requested, profile, validityDays, actor, null);
    }

    /**
     * Renews (re-keys) a certificate: a new certificate for a new CSR under the old one's profile.
     * The request must name exactly what the old certificate names (CN and alternative names), so a
     * renewal never widens what a holder may claim. With {@code revokePrevious} the old certificate
     * is revoked as superseded in the same transaction.
     * <p>
     * Only the account that requested the old certificate or a CA administrator may renew it, and
     * superseding needs the right to revoke it (see {@link #mayRevokeAsSuperseded}); otherwise a
     * {@link CertificateAccessDeniedException} is thrown before anything is issued or revoked.
     */
    public IssuedCertificate renew(String serial, String csrPem, Integer validityDays, boolean revokePrevious,
                                   String actor) {
        CertificateRecord previous = certificates.findForUpdate(RevocationService.normaliseSerial(serial))
                .orElseThrow(() -> new org.triad.ca.domain.model.certificate.CertificateNotFoundException(
                        "No certificate with serial " + serial + "."));
        boolean admin = accounts.hasRole(actor, CaAccount.ROLE_ADMIN);
        boolean requester = actor != null && actor.equals(previous.issuedBy());
        if (!admin && !requester) {
            throw new CertificateAccessDeniedException("Only the account that requested certificate "
                    + previous.serial() + " or a CA administrator may renew it.");
        }
        if (revokePrevious && !mayRevokeAsSuperseded(previous, actor, admin)) {
            throw new CertificateAccessDeniedException("Revoking certificate " + previous.serial()
                    + " as superseded needs the right to revoke it (a CA administrator or the account that "
                    + "requested it).");
        }
        if (previous.isRevoked()) {
            throw new org.triad.ca.domain.model.certificate.AlreadyRevokedException(previous.serial(), previous.revokedAt());
        }
        IssuedCertificate renewed = issueFromCsr(csrPem, previous.profile(), validityDays, actor);
        CertificateRecord next = certificates.find(renewed.serial()).orElseThrow();
        if (!java.util.Objects.equals(next.commonName(), previous.commonName())
                || !java.util.Objects.equals(next.subjectAltNames(), previous.subjectAltNames())) {
            throw new PolicyViolationException("A renewal must name exactly what certificate " + previous.serial()
                    + " names (CN=" + previous.commonName() + ", " + previous.subjectAltNames() + "); send a new "
                    + "request to POST /api/v1/certificates for other names.");
        }
        audit.record(actor, AuditAction.CERTIFICATE_RENEWED, "serial " + previous.serial(), AuditOutcome.SUCCESS,
                "renewed by " + renewed.serial() + (revokePrevious ? ", previous revoked as superseded" : ""));
        if (revokePrevious) {
            revoker.revoke(previous.serial(), "superseded", actor);
        }
        return renewed;
    }

    /**
     * Who may revoke a certificate as {@code superseded} while renewing it: a CA administrator
     * (who may revoke anything), or the account that requested it — an owner replacing its own
     * certificate. Any other revocation stays with administrators ({@code POST .../revoke}).
     */
    static boolean mayRevokeAsSuperseded(CertificateRecord certificate, String actor, boolean admin) {
        return admin || actor != null && actor.equals(certificate.issuedBy());
    }

    /**
     * The brief's convenience path: the CA generates the key pair and returns it only inside a
     * PKCS#12 encrypted with {@code password}. The PKCS#12 is built inside this transaction, so a
     * certificate is stored only if its key reaches the caller; see
     * {@link IssuanceService#issueWithGeneratedKey} for the checks done before.
     */
    public IssuanceService.KeyBundle issueWithGeneratedKey(String commonName, String profileName, Integer validityDays,
                                                           char[] password, String actor) {
        CertificateProfile profile = profile(profileName);
        KeyPair pair = CaKeys.generate("EC", 0);
        IssuedCertificate issued = issue(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
                commonName, null, profile, validityDays, actor, pair);
        byte[] pkcs12 = pkcs12(issued, commonName, password);
        audit.record(actor, AuditAction.KEY_GENERATED_FOR_CLIENT, "serial " + issued.serial(), AuditOutcome.SUCCESS,
                "EC P-256 key generated by the CA for CN=" + commonName);
        return new IssuanceService.KeyBundle(issued, pkcs12);
    }

    /**
     * Key, certificate and chain as a PKCS#12 (JDK default protection: AES-256, PBKDF2). A failure
     * here is a system exception and rolls the issuance back.
     */
    private static byte[] pkcs12(IssuedCertificate issued, String alias, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            List<Certificate> chain = new ArrayList<>();
            chain.add(issued.certificate());
            chain.addAll(issued.chain());
            ks.setKeyEntry(alias, issued.privateKey(), password, chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the PKCS#12", e);
        }
    }

    private IssuedCertificate issue(SubjectPublicKeyInfo publicKey, String requestedCn, GeneralNames requestedNames,
                                    CertificateProfile profile, Integer validityDays, String actor, KeyPair generated) {
        String keyDescription = KeyPolicy.check(publicKey);
        Names names = applyNamePolicy(profile, requestedCn, requestedNames);
        checkReservedNames(names, actor);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int days = validityDays == null ? profile.defaultValidityDays() : validityDays;
        if (days < 1 || days > profile.maxValidityDays()) {
            throw new PolicyViolationException("validityDays must be between 1 and " + profile.maxValidityDays()
                    + " for " + profile.apiName() + ".");
        }
        X509Certificate issuing = ca.issuing();
        Instant notAfter = now.plus(Duration.ofDays(days));
        if (notAfter.isAfter(issuing.getNotAfter().toInstant())) {
            notAfter = issuing.getNotAfter().toInstant();
        }
        Instant notBefore = now.minus(BACKDATE);

        BigInteger serial;
        do {
            serial = CaKeys.randomSerial();
        } while (certificates.find(CaKeys.hex(serial)).isPresent());

        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.commonName()).build();
        X509Certificate certificate;
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage(profile, keyDescription));
            builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(profile));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing));
            if (!names.alternativeNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.alternativeNames().toArray(GeneralName[]::new)));
            }
            String base = policy.pkiBaseUrl();
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(base + "/crl"))), null, null)}));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, uri(base + "/ocsp")),
                        new AccessDescription(AccessDescription.id_ad_caIssuers, uri(base + "/issuing-ca.crt"))}));
            X509CertificateHolder holder = builder.build(ca.issuingSigner());
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException | CertificateException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the certificate", e);
        }

        String hexSerial = CaKeys.hex(serial);
        CertificateRecord record = new CertificateRecord(hexSerial, names.commonName(),
                certificate.getSubjectX500Principal().getName(), names.describe(), profile, keyDescription,
                notBefore, notAfter, now, actor, generated != null, derOf(certificate));
        certificates.add(record);
        audit.record(actor, AuditAction.CERTIFICATE_ISSUED, "serial " + hexSerial, AuditOutcome.SUCCESS,
                profile.apiName() + " CN=" + names.commonName() + " " + names.describe() + " " + keyDescription
                        + " until " + notAfter);
        return new IssuedCertificate(hexSerial, certificate, ca.chain(), notAfter,
                generated == null ? null : generated.getPrivate());
    }

    private static byte[] derOf(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneralName uri(String value) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(value));
    }

    private static KeyUsage keyUsage(CertificateProfile profile, String keyDescription) {
        return switch (profile) {
            case TLS_SERVER -> new KeyUsage(keyDescription.startsWith("RSA")
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature);
            case TLS_CLIENT -> new KeyUsage(KeyUsage.digitalSignature);
            case SIGNING -> new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        };
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateProfile profile) {
        return switch (profile) {
            case TLS_SERVER -> new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
            case TLS_CLIENT -> new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
            case SIGNING -> new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_codeSigning, KeyPurposeId.id_kp_emailProtection});
        };
    }

    private static String commonName(X500Name subject) {
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return null;
        }
        String cn = IETFUtils.valueToString(rdns[0].getFirst().getValue()).trim();
        return cn.isEmpty() ? null : cn;
    }

    /** Keeps the names the profile allows, refuses names the policy forbids. */
    private Names applyNamePolicy(CertificateProfile profile, String cn, GeneralNames requested) {
        if (cn != null && cn.length() > MAX_CN_LENGTH) {
            throw new PolicyViolationException("The common name is longer than " + MAX_CN_LENGTH + " characters.");
        }
        Set<String> dns = new LinkedHashSet<>();
        Set<InetAddress> ips = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        if (requested != null) {
            for (GeneralName name : requested.getNames()) {
                switch (name.getTagNo()) {
                    case GeneralName.dNSName -> dns.add(name.getName().toString().toLowerCase(Locale.ROOT));
                    case GeneralName.iPAddress -> ips.add(ip(ASN1OctetString.getInstance(name.getName()).getOctets()));
                    case GeneralName.rfc822Name -> emails.add(name.getName().toString());
                    default -> {
                        // other name types are not part of any profile and are dropped
                    }
                }
            }
        }
        List<String> refusals = new ArrayList<>();
        List<GeneralName> keep = new ArrayList<>();
        String commonName = cn;
        switch (profile) {
            case TLS_SERVER -> {
                if (cn != null && isIpLiteral(cn)) {
                    ips.add(ip(cn));
                } else if (cn != null && CaPolicy.isDnsName(cn.toLowerCase(Locale.ROOT))) {
                    dns.add(cn.toLowerCase(Locale.ROOT));
                } else if (cn != null) {
                    refusals.add(cn + ": the common name of a TLS server must be one of its DNS names or IP addresses");
                }
                for (String d : dns) {
                    addOrRefuse(policy.rejectDns(d), new GeneralName(GeneralName.dNSName, d), keep, refusals);
                }
                for (InetAddress ip : ips) {
                    addOrRefuse(policy.rejectIp(ip), new GeneralName(GeneralName.iPAddress, ip.getHostAddress()),
                            keep, refusals);
                }
                if (dns.isEmpty() && ips.isEmpty()) {
                    refusals.add("a TLS server certificate needs at least one DNS name or IP address");
                }
                if (commonName == null && refusals.isEmpty()) {
                    commonName = dns.isEmpty() ? ips.iterator().next().getHostAddress() : dns.iterator().next();
                }
            }
            case TLS_CLIENT -> {
                for (String d : dns) {
                    addOrRefuse(policy.rejectDns(d), new GeneralName(GeneralName.dNSName, d), keep, refusals);
                }
                emails.forEach(e -> keep.add(new GeneralName(GeneralName.rfc822Name, e)));
            }
            case SIGNING -> emails.forEach(e -> keep.add(new GeneralName(GeneralName.rfc822Name, e)));
        }
        if (commonName == null && profile != CertificateProfile.TLS_SERVER) {
            refusals.add("a " + profile.apiName() + " certificate needs a subject common name (CN)");
        }
        if (!refusals.isEmpty()) {
            throw new PolicyViolationException("Refused by the " + profile.apiName() + " policy: "
                    + String.join("; ", refusals) + ".");
        }
        Names names = new Names(commonName, keep);
        if (names.describe().length() > MAX_ALT_NAMES_CHARS) {
            throw new PolicyViolationException("The subject alternative names take more than " + MAX_ALT_NAMES_CHARS
                    + " characters together; request fewer or shorter names.");
        }
        return names;
    }

    /**
     * The platform's own names go only to the provisioning account and CA administrators; checked
     * before anything is signed or stored.
     */
    private void checkReservedNames(Names names, String actor) {
        List<String> reserved = new ArrayList<>();
        if (names.commonName() != null && policy.isReserved(names.commonName())) {
            reserved.add(names.commonName());
        }
        for (GeneralName n : names.alternativeNames()) {
            if (n.getTagNo() == GeneralName.dNSName && policy.isReserved(n.getName().toString())) {
                reserved.add(n.getName().toString());
            } else if (n.getTagNo() == GeneralName.iPAddress) {
                InetAddress address = ip(ASN1OctetString.getInstance(n.getName()).getOctets());
                if (policy.isReserved(address)) {
                    reserved.add(address.getHostAddress());
                }
            }
        }
        if (reserved.isEmpty() || policy.mayCertifyReservedNames(actor)
                || accounts.hasRole(actor, CaAccount.ROLE_ADMIN)) {
            return;
        }
        throw new ReservedNameException("The platform's own names " + new LinkedHashSet<>(reserved)
                + " are certified only for the provisioning account and CA administrators.");
    }

    private static void addOrRefuse(String refusal, GeneralName name, List<GeneralName> keep, List<String> refusals) {
        if (refusal == null) {
            keep.add(name);
        } else {
            refusals.add(refusal);
        }
    }

    private static boolean isIpLiteral(String value) {
        return value.matches("\\d{1,3}(\\.\\d{1,3}){3}") || value.contains(":") && value.matches("[0-9a-fA-F:.]+");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new PolicyViolationException(literal + " is not an IP address.");
        }
    }

    private static InetAddress ip(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new PolicyViolationException("An IP address in the request is malformed.");
        }
    }

    private record Names(String commonName, List<GeneralName> alternativeNames) {
        String describe() {
            List<String> parts = new ArrayList<>();
            for (GeneralName n : alternativeNames) {
                String type = switch (n.getTagNo()) {
                    case GeneralName.dNSName -> "DNS:";
                    case GeneralName.iPAddress -> "IP:";
                    default -> "email:";
                };
                String value = n.getTagNo() == GeneralName.iPAddress
                        ? ip(ASN1OctetString.getInstance(n.getName()).getOctets()).getHostAddress()
                        : n.getName().toString();
                parts.add(type + value);
            }
            return String.join(", ", parts);
        }
    }
}
