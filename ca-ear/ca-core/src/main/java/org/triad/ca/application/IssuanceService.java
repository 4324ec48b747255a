package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateAccessDeniedException;
import org.triad.ca.domain.model.certificate.FeatureDisabledException;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.ca.domain.model.certificate.ReservedNameException;
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
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REJECTED, "profile " + profile, outcomeOf(e),
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
                    outcomeOf(e), e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Generates the key pair at the CA and returns key, certificate and chain as a PKCS#12
     * encrypted with {@code password} (AES-256, PBKDF2). The key is not kept. Can be switched off
     * with {@code triad.ca.server-side-keygen.enabled=false}. The password is checked before
     * anything is generated, and the PKCS#12 is built in the issuing transaction: either the caller
     * gets it or no certificate is stored.
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
            if (!isPrintableAscii(password)) {
                throw new InvalidCertificateRequestException("The password may contain only printable ASCII "
                        + "characters (letters a-z and A-Z, digits, space and punctuation), so that keytool, openssl "
                        + "and Java open the PKCS#12 alike.");
            }
            return issuer.issueWithGeneratedKey(commonName.trim(), profile, validityDays, password, actor);
        } catch (DomainException e) {
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REJECTED, "CN=" + commonName, outcomeOf(e),
                    e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Printable ASCII only: the JDK's PKCS#12 key protection refuses anything else (and tools
     * disagree on how to encode other characters), so such a password is refused before anything
     * is issued.
     */
    static boolean isPrintableAscii(char[] password) {
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Refusals of who the caller is (not its own certificate, a reserved name) are DENIED, others FAILURE. */
    private static AuditOutcome outcomeOf(DomainException e) {
        return e instanceof CertificateAccessDeniedException || e instanceof ReservedNameException
                ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
    }

    /** A certificate with its server-generated key, as an encrypted PKCS#12. */
    public record KeyBundle(IssuedCertificate issued, byte[] pkcs12) {
    }
}
