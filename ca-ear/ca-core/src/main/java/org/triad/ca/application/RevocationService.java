package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Locale;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.common.domain.DomainException;

/** Entry point for revocation; refused revocations are audited after the rollback. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationService {

    @Inject
    CertificateRevoker revoker;

    @Inject
    AuditLog audit;

    public CertificateRecord revoke(String serial, String reason, String actor) {
        try {
            return revoker.revoke(serial, reason, actor);
        } catch (DomainException e) {
            audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REVOKED, "serial " + serial, AuditOutcome.FAILURE,
                    e.problemType() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Records a revocation attempt by someone who may not revoke. */
    public void recordDenied(String serial, String actor) {
        audit.recordInOwnTransaction(actor, AuditAction.CERTIFICATE_REVOKED, "serial " + serial, AuditOutcome.DENIED,
                "caller is not a CA administrator");
    }

    /** Serials are compared as lower-case hex without separators or leading zeros. */
    public static String normaliseSerial(String serial) {
        if (serial == null) {
            return "";
        }
        String s = serial.trim().toLowerCase(Locale.ROOT).replace(":", "");
        if (!s.matches("[0-9a-f]{1,40}")) {
            return s;
        }
        s = s.replaceFirst("^0+(?=.)", "");
        return s;
    }
}
