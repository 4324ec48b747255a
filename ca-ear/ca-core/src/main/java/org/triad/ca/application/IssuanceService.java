package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.FeatureDisabledException;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.common.domain.DomainException;

/**
 * Entry point for issuing certificates (REST and admin UI). Runs outside a transaction: the
 * issuance itself is one transaction in {@link CertificateIssuer}; a refused request is audited
 * afterwards in a transaction of its own, so refusals are on record while nothing else is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IssuanceService {

    /** Minimum length of a password protecting a server-generated key. */
    public static final int MIN_PKCS12_PASSWORD = 12;

    @Inject
    CertificateIssuer issuer;

    @Inject
    CaPolicy policy;

    @Inject
    AuditLog audit;

    public IssuedCertificate issueFromCsr(String csrPem, String profile, Integer validityDays, String actor) {
        try {
            return issuer.issueFromCsr(csrPem, profile, validityDays, actor);
        } catch (DomainException e) {
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REJECTED, "profile " + profile, AuditOutcome.FAILURE,
                    e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

    /** See {@link CertificateIssuer#renew}; a refused renewal is audited. */
    public IssuedCertificate renew(String serial, String csrPem, Integer validityDays, boolean revokePrevious,
                                   String actor) {
        try {
            return issuer.renew(serial, csrPem, validityDays, revokePrevious, actor);
        } catch (DomainException e) {
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_RENEWED, "serial " + serial,
                    AuditOutcome.FAILURE, e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Generates the key pair at the CA and returns key, certificate and chain as a PKCS#12
     * encrypted with {@code password} (AES-256, PBKDF2). The key is not kept. Can be switched off
     * with {@code triad.ca.server-side-keygen.enabled=false}.
     */
    public KeyBundle issueWithGeneratedKey(String commonName, String profile, Integer validityDays, char[] password,
                                           String actor) {
        try {
            if (!policy.serverSideKeygenEnabled()) {
                throw new FeatureDisabledException("Server-side key generation is switched off; send a CSR to "
                        + "POST /api/v1/certificates instead.");
            }
            if (commonName == null || commonName.isBlank()) {
                throw new InvalidCertificateRequestException("common_name is required.");
            }
            if (password == null || password.length < MIN_PKCS12_PASSWORD) {
                throw new InvalidCertificateRequestException("A password of at least " + MIN_PKCS12_PASSWORD
                        + " characters is required to protect the generated key.");
            }
            IssuedCertificate issued = issuer.issueWithGeneratedKey(commonName.trim(), profile, validityDays, actor);
            return new KeyBundle(issued, pkcs12(issued, commonName.trim(), password));
        } catch (DomainException e) {
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REJECTED, "CN=" + commonName, AuditOutcome.FAILURE,
                    e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

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

    /** A certificate with its server-generated key, as an encrypted PKCS#12. */
    public record KeyBundle(IssuedCertificate issued, byte[] pkcs12) {
    }
}
