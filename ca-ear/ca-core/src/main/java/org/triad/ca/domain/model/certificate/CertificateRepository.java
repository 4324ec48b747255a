package org.triad.ca.domain.model.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The certificates this CA issued. */
public interface CertificateRepository {

    void add(CertificateRecord certificate);

    Optional<CertificateRecord> find(String serial);

    /** Loads the certificate with a write lock held until the transaction ends. */
    Optional<CertificateRecord> findForUpdate(String serial);

    /** The most recently issued certificate with this common name. */
    Optional<CertificateRecord> latestByCommonName(String commonName);

    List<CertificateRecord> search(CertificateQuery query, int first, int max);

    long count(CertificateQuery query);

    /** Every revoked certificate that has not yet expired (what a CRL must list). */
    List<CertificateRecord> revokedUnexpired(Instant now);

    /** Number of certificates per effective status (ISSUED, REVOKED, EXPIRED). */
    Map<String, Long> countByEffectiveStatus(Instant now);
}
