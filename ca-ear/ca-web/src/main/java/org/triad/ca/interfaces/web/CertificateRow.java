package org.triad.ca.interfaces.web;

import java.io.Serializable;
import java.time.Instant;
import org.triad.ca.domain.model.certificate.CertificateRecord;

/**
 * One certificate as the screens show it (a detached, serializable copy of the entity).
 *
 * @param status ISSUED, REVOKED or EXPIRED, as of when the row was read
 */
public record CertificateRow(String serial, String commonName, String profile, String status, String notBefore,
                             String notAfter, String issuedBy, String revocationReason) implements Serializable {

    static CertificateRow of(CertificateRecord r, Instant now) {
        return new CertificateRow(r.serial(), r.commonName(), r.profile(), r.effectiveStatus(now),
                Display.utc(r.notBefore()), Display.utc(r.notAfter()), r.issuedBy(),
                r.revocationReason() == null ? null : r.revocationReason().apiName());
    }

    /** PrimeFaces tag severity of the status. */
    public String severity() {
        return switch (status) {
            case "ISSUED" -> "success";
            case "REVOKED" -> "danger";
            default -> "warning";
        };
    }

    public boolean revocable() {
        return "ISSUED".equals(status);
    }
}
