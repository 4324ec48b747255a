package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.triad.ca.domain.model.certificate.CertificateNotFoundException;
import org.triad.ca.domain.model.certificate.CertificateQuery;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.infrastructure.crypto.CaHierarchy;
import org.triad.ca.infrastructure.crypto.Pem;

/** Read side of the CA: search, details, dashboard figures, downloads. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CertificateQueries {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    CertificateRepository certificates;

    @Inject
    CaHierarchy ca;

    public Page search(CertificateQuery query, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int first = Math.max(0, page) * pageSize;
        return new Page(certificates.search(query, first, pageSize), certificates.count(query), Math.max(0, page), pageSize);
    }

    /** How many certificates match, without reading any. */
    public long count(CertificateQuery query) {
        return certificates.count(query);
    }

    public CertificateRecord get(String serial) {
        return certificates.find(RevocationService.normaliseSerial(serial))
                .orElseThrow(() -> new CertificateNotFoundException("No certificate with serial " + serial + "."));
    }

    public Dashboard dashboard(int expiringWithinDays) {
        Instant now = Instant.now();
        Map<String, Long> counts = certificates.countByEffectiveStatus(now);
        CertificateQuery expiring = new CertificateQuery(null, null, now.plus(Duration.ofDays(expiringWithinDays)), null, now);
        return new Dashboard(counts, certificates.count(expiring), certificates.search(expiring, 0, 10), expiringWithinDays);
    }

    public String rootPem() {
        return Pem.encode(ca.root());
    }

    /** Issuing CA then root. */
    public String chainPem() {
        return Pem.encodeAll(ca.chain());
    }

    public byte[] issuingDer() {
        try {
            return ca.issuing().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Page(List<CertificateRecord> items, long total, int page, int size) {
    }

    public record Dashboard(Map<String, Long> countsByStatus, long expiringSoon, List<CertificateRecord> expiringFirst,
                            int expiringWithinDays) {
    }
}
