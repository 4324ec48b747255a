package org.triad.ca.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.triad.ca.domain.model.certificate.CertificateQuery;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.domain.model.certificate.CertificateStatus;

@ApplicationScoped
public class JpaCertificateRepository implements CertificateRepository {

    @PersistenceContext(unitName = "ca")
    EntityManager em;

    @Override
    public void add(CertificateRecord certificate) {
        em.persist(certificate);
    }

    @Override
    public Optional<CertificateRecord> find(String serial) {
        return Optional.ofNullable(em.find(CertificateRecord.class, serial));
    }

    @Override
    public Optional<CertificateRecord> findForUpdate(String serial) {
        return Optional.ofNullable(em.find(CertificateRecord.class, serial, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<CertificateRecord> latestByCommonName(String commonName) {
        return em.createQuery("SELECT c FROM CertificateRecord c WHERE c.commonName = :cn ORDER BY c.issuedAt DESC",
                        CertificateRecord.class)
                .setParameter("cn", commonName).setMaxResults(1).getResultList().stream().findFirst();
    }

    @Override
    public List<CertificateRecord> search(CertificateQuery query, int first, int max) {
        return build(query, "SELECT c FROM CertificateRecord c", " ORDER BY c.issuedAt DESC, c.serial",
                CertificateRecord.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(CertificateQuery query) {
        return build(query, "SELECT COUNT(c) FROM CertificateRecord c", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> build(CertificateQuery query, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        Instant now = query.now() == null ? Instant.now() : query.now();
        if (query.commonName() != null && !query.commonName().isBlank()) {
            jpql.append(" AND LOWER(c.commonName) LIKE :cn");
            params.put("cn", "%" + query.commonName().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.profile() != null && !query.profile().isBlank()) {
            jpql.append(" AND c.profile = :profile");
            params.put("profile", query.profile());
        }
        if (query.status() != null && !query.status().isBlank()) {
            switch (query.status().trim().toUpperCase(Locale.ROOT)) {
                case "REVOKED" -> jpql.append(" AND c.status = :revoked");
                case "EXPIRED" -> jpql.append(" AND c.status = :issued AND c.notAfter < :now");
                case "ISSUED", "VALID", "ACTIVE" -> jpql.append(" AND c.status = :issued AND c.notAfter >= :now");
                default -> jpql.append(" AND 1 = 0");
            }
        }
        if (query.expiringBefore() != null) {
            jpql.append(" AND c.status = :issued AND c.notAfter >= :now AND c.notAfter < :expiring");
            params.put("expiring", query.expiringBefore());
        }
        String text = jpql.toString();
        if (text.contains(":revoked")) {
            params.put("revoked", CertificateStatus.REVOKED);
        }
        if (text.contains(":issued")) {
            params.put("issued", CertificateStatus.ISSUED);
        }
        if (text.contains(":now")) {
            params.put("now", now);
        }
        TypedQuery<T> q = em.createQuery(text + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    @Override
    public List<CertificateRecord> revokedUnexpired(Instant now) {
        return em.createQuery("SELECT c FROM CertificateRecord c WHERE c.status = :revoked AND c.notAfter >= :now"
                        + " ORDER BY c.revokedAt", CertificateRecord.class)
                .setParameter("revoked", CertificateStatus.REVOKED).setParameter("now", now).getResultList();
    }

    @Override
    public Map<String, Long> countByEffectiveStatus(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("ISSUED", "REVOKED", "EXPIRED")) {
            counts.put(status, count(new CertificateQuery(null, status, null, null, now)));
        }
        return counts;
    }
}
