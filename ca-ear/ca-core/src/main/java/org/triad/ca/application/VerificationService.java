package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateNotFoundException;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.ca.infrastructure.crypto.CaHierarchy;
import org.triad.ca.infrastructure.crypto.CaKeys;
import org.triad.ca.infrastructure.crypto.Pem;

/**
 * Answers "can I trust this certificate?" for relying parties (the brief's verification call):
 * chain to our root, validity window, revocation. Every answer is audited.
 */
@Stateless
public class VerificationService {

    public static final int MAX_PEM_CHARS = 64 * 1024;

    @Inject
    CaHierarchy ca;

    @Inject
    CertificateRepository certificates;

    @Inject
    AuditLog audit;

    public VerificationResult verify(String pem, String actor) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidCertificateRequestException("certificate (PEM) is required.");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw new InvalidCertificateRequestException("The PEM text is larger than " + MAX_PEM_CHARS + " characters.");
        }
        List<X509Certificate> parsed;
        try {
            parsed = Pem.readCertificates(pem);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidCertificateRequestException("The certificate is not readable PEM.");
        }
        if (parsed.isEmpty()) {
            throw new InvalidCertificateRequestException("No '-----BEGIN CERTIFICATE-----' block was found.");
        }
        X509Certificate leaf = parsed.get(0);
        Instant now = Instant.now();
        List<String> reasons = new ArrayList<>();
        X509Certificate issuing = ca.issuing();
        boolean ours = leaf.getIssuerX500Principal().equals(issuing.getSubjectX500Principal()) && signedBy(leaf, issuing);
        String serial = CaKeys.hex(leaf.getSerialNumber());
        Optional<CertificateRecord> record = ours ? certificates.find(serial) : Optional.empty();
        if (!ours) {
            reasons.add("not-issued-by-this-ca");
        } else if (record.isEmpty()) {
            reasons.add("unknown-serial");
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            reasons.add("not-yet-valid");
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            reasons.add("expired");
        }
        if (now.isAfter(issuing.getNotAfter().toInstant())) {
            reasons.add("issuing-ca-expired");
        }
        boolean revoked = record.map(CertificateRecord::isRevoked).orElse(false);
        if (revoked) {
            reasons.add("revoked");
        }
        VerificationResult result = new VerificationResult(reasons.isEmpty(), List.copyOf(reasons), serial,
                leaf.getSubjectX500Principal().getName(), leaf.getNotAfter().toInstant(), revoked,
                revoked ? record.get().revocationReason().apiName() : null,
                revoked ? record.get().revokedAt() : null);
        audit.record(actor, AuditAction.CERTIFICATE_VERIFIED, "serial " + serial, AuditOutcome.SUCCESS,
                result.valid() ? "valid" : "invalid: " + String.join(", ", reasons));
        return result;
    }

    /** The brief's call: the newest certificate issued to this common name, judged now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public VerificationResult verifyCommonName(String commonName, String actor) {
        if (commonName == null || commonName.isBlank()) {
            throw new InvalidCertificateRequestException("common_name is required.");
        }
        CertificateRecord record = certificates.latestByCommonName(commonName.trim())
                .orElseThrow(() -> new CertificateNotFoundException("No certificate was issued to CN=" + commonName + "."));
        return verify(Pem.encode(Pem.fromDer(record.der())), actor);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
