package org.triad.ca.interfaces.rest;

import java.time.Instant;
import java.util.List;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.infrastructure.crypto.Pem;

/** Request and response bodies of the certificate API. */
public final class CertificateDtos {

    private CertificateDtos() {
    }

    public record IssueRequest(String csr, String profile, Integer validityDays) {
    }

    public record IssueResponse(String serial, String certificate, String chain, Instant notAfter) {
    }

    public record RenewRequest(String csr, Integer validityDays, Boolean revokePrevious) {
    }

    public record RevokeRequest(String reason) {
    }

    public record VerifyRequest(String certificate) {
    }

    public record CertificateView(String serial, String commonName, String subject, String subjectAltNames,
                                  String profile, String keyAlgorithm, String status, Instant notBefore,
                                  Instant notAfter, Instant issuedAt, String issuedBy, boolean serverGeneratedKey,
                                  Instant revokedAt, String revocationReason, String certificate) {

        static CertificateView of(CertificateRecord r, Instant now, boolean withPem) {
            return new CertificateView(r.serial(), r.commonName(), r.subjectDn(), r.subjectAltNames(), r.profile(),
                    r.keyAlgorithm(), r.effectiveStatus(now), r.notBefore(), r.notAfter(), r.issuedAt(), r.issuedBy(),
                    r.serverGeneratedKey(), r.revokedAt(),
                    r.revocationReason() == null ? null : r.revocationReason().apiName(),
                    withPem ? Pem.encode(Pem.fromDer(r.der())) : null);
        }
    }

    public record CertificatePage(List<CertificateView> items, long total, int page, int size) {
    }
}
