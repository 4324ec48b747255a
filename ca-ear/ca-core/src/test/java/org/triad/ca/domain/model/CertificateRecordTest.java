package org.triad.ca.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.ca.domain.model.certificate.AlreadyRevokedException;
import org.triad.ca.domain.model.certificate.CertificateProfile;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.RevocationReason;

class CertificateRecordTest {

    static CertificateRecord record(Instant notAfter) {
        return new CertificateRecord("1f", "svc.test", "CN=svc.test", "DNS:svc.test", CertificateProfile.TLS_SERVER,
                "EC P-256", notAfter.minusSeconds(86_400), notAfter, notAfter.minusSeconds(86_400), "ca-enroll",
                false, new byte[] {1, 2, 3});
    }

    @Test
    void revocationIsFinalAndTheFirstReasonStands() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        CertificateRecord r = record(now.plusSeconds(3600));
        assertThat(r.effectiveStatus(now)).isEqualTo("ISSUED");
        r.revoke(RevocationReason.KEY_COMPROMISE, now, "ca-admin");
        assertThat(r.effectiveStatus(now)).isEqualTo("REVOKED");
        assertThatThrownBy(() -> r.revoke(RevocationReason.SUPERSEDED, now.plusSeconds(1), "ca-admin"))
                .isInstanceOf(AlreadyRevokedException.class);
        assertThat(r.revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(r.revokedAt()).isEqualTo(now);
    }

    @Test
    void anUnrevokedCertificatePastItsEndIsExpired() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(record(now.minusSeconds(1)).effectiveStatus(now)).isEqualTo("EXPIRED");
    }

    @Test
    void reasonsUseTheRfc5280Codes() {
        assertThat(RevocationReason.fromApiName("keyCompromise")).contains(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.KEY_COMPROMISE.code()).isEqualTo(1);
        assertThat(RevocationReason.PRIVILEGE_WITHDRAWN.code()).isEqualTo(9);
        assertThat(RevocationReason.fromApiName("certificateHold")).isEmpty();
        assertThat(CertificateProfile.fromApiName("tls-server")).contains(CertificateProfile.TLS_SERVER);
    }
}
