package org.triad.ca.interfaces.web;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.infrastructure.crypto.Pem;

/** Everything the details dialog shows about one certificate. */
public record CertificateDetails(CertificateRow row, String subjectDn, String subjectAltNames, String keyAlgorithm,
                                 String issuedAt, boolean serverGeneratedKey, String revokedAt, String revokedBy,
                                 String sha256Fingerprint, String pem) implements Serializable {

    static CertificateDetails of(CertificateRecord r, Instant now) {
        byte[] der = r.der();
        return new CertificateDetails(CertificateRow.of(r, now), r.subjectDn(), r.subjectAltNames(), r.keyAlgorithm(),
                Display.utc(r.issuedAt()), r.serverGeneratedKey(), Display.utc(r.revokedAt()), r.revokedBy(),
                fingerprint(der), Pem.encode(Pem.fromDer(der)));
    }

    private static String fingerprint(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
