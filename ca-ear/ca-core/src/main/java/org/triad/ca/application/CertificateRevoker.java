package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateNotFoundException;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.ca.domain.model.certificate.RevocationReason;

/**
 * Revokes a certificate and publishes the new CRL in the same transaction, so the CRL served
 * never lags a committed revocation. Callers use {@link RevocationService}.
 */
@Stateless
public class CertificateRevoker {

    @Inject
    CertificateRepository certificates;

    @Inject
    CrlService crls;

    @Inject
    AuditLog audit;

    public CertificateRecord revoke(String serial, String reasonName, String actor) {
        RevocationReason reason = RevocationReason.fromApiName(reasonName == null ? "unspecified" : reasonName.trim())
                .orElseThrow(() -> new InvalidCertificateRequestException("Unknown revocation reason '" + reasonName
                        + "'; use one of unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, "
                        + "cessationOfOperation, privilegeWithdrawn."));
        String normalised = RevocationService.normaliseSerial(serial);
        CertificateRecord certificate = certificates.findForUpdate(normalised)
                .orElseThrow(() -> new CertificateNotFoundException("No certificate with serial " + serial + "."));
        certificate.revoke(reason, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), actor);
        audit.record(actor, AuditAction.CERTIFICATE_REVOKED, "serial " + normalised, AuditOutcome.SUCCESS,
                reason.apiName() + " CN=" + certificate.commonName());
        crls.publish(actor);
        return certificate;
    }
}
