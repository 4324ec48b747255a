package org.triad.ca.domain.model.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One certificate the CA issued. Immutable except for revocation, which is final.
 */
@Entity
@Table(name = "certificate")
public class CertificateRecord {

    @Id
    @Column(name = "serial", length = 40)
    private String serial;

    @Column(name = "common_name")
    private String commonName;

    @Column(name = "subject_dn", nullable = false)
    private String subjectDn;

    @Column(name = "subject_alt_names")
    private String subjectAltNames;

    @Column(name = "profile", nullable = false)
    private String profile;

    @Column(name = "key_algorithm", nullable = false)
    private String keyAlgorithm;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CertificateStatus status;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    @Column(name = "server_generated_key", nullable = false)
    private boolean serverGeneratedKey;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    private RevocationReason revocationReason;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Lob
    @Column(name = "der", nullable = false)
    private byte[] der;

    protected CertificateRecord() {
    }

    public CertificateRecord(String serial, String commonName, String subjectDn, String subjectAltNames,
                             CertificateProfile profile, String keyAlgorithm, Instant notBefore, Instant notAfter,
                             Instant issuedAt, String issuedBy, boolean serverGeneratedKey, byte[] der) {
        this.serial = serial;
        this.commonName = commonName;
        this.subjectDn = subjectDn;
        this.subjectAltNames = subjectAltNames;
        this.profile = profile.apiName();
        this.keyAlgorithm = keyAlgorithm;
        this.status = CertificateStatus.ISSUED;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.serverGeneratedKey = serverGeneratedKey;
        this.der = der.clone();
    }

    /**
     * Revokes this certificate for good.
     *
     * @throws AlreadyRevokedException if it was revoked before (the first revocation stands)
     */
    public void revoke(RevocationReason reason, Instant at, String by) {
        if (status == CertificateStatus.REVOKED) {
            throw new AlreadyRevokedException(serial, revokedAt);
        }
        this.status = CertificateStatus.REVOKED;
        this.revocationReason = reason;
        this.revokedAt = at;
        this.revokedBy = by;
    }

    public boolean isRevoked() {
        return status == CertificateStatus.REVOKED;
    }

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(notAfter);
    }

    /** ISSUED, REVOKED or EXPIRED (an unrevoked certificate past its notAfter). */
    public String effectiveStatus(Instant now) {
        if (isRevoked()) {
            return "REVOKED";
        }
        return isExpiredAt(now) ? "EXPIRED" : "ISSUED";
    }

    public String serial() {
        return serial;
    }

    public String commonName() {
        return commonName;
    }

    public String subjectDn() {
        return subjectDn;
    }

    public String subjectAltNames() {
        return subjectAltNames;
    }

    public String profile() {
        return profile;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public CertificateStatus status() {
        return status;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public boolean serverGeneratedKey() {
        return serverGeneratedKey;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public RevocationReason revocationReason() {
        return revocationReason;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public byte[] der() {
        return der.clone();
    }
}
