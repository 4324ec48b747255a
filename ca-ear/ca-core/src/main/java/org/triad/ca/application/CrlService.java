package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.infrastructure.crypto.CaHierarchy;
import org.triad.ca.infrastructure.persistence.CrlHead;
import org.triad.ca.infrastructure.persistence.CrlRecord;

/**
 * Publishes the issuing CA's RFC 5280 v2 CRL: on every revocation (inside the revoking
 * transaction) and whenever the newest CRL has used up half of its validity
 * ({@code triad.ca.crl.validity-hours}). Numbers are strictly increasing across the cluster.
 */
@Stateless
public class CrlService {

    @PersistenceContext(unitName = "ca")
    EntityManager em;

    @Inject
    CaHierarchy ca;

    @Inject
    CertificateRepository certificates;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.ca.crl.validity-hours", defaultValue = "24")
    int validityHours;

    public CrlRecord publish(String actor) {
        CrlHead head = em.find(CrlHead.class, CrlHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long number = head.next();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant nextUpdate = now.plus(Duration.ofHours(validityHours));
        X509Certificate issuing = ca.issuing();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(nextUpdate));
        List<CertificateRecord> revoked = certificates.revokedUnexpired(now);
        for (CertificateRecord r : revoked) {
            builder.addCRLEntry(new BigInteger(r.serial(), 16), Date.from(r.revokedAt()), r.revocationReason().code());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            byte[] der = builder.build(ca.issuingSigner()).getEncoded();
            CrlRecord crl = new CrlRecord(number, now, nextUpdate, der);
            em.persist(crl);
            audit.record(actor, AuditAction.CRL_PUBLISHED, "CRL " + number, AuditOutcome.SUCCESS,
                    revoked.size() + " revoked certificates, next update " + nextUpdate);
            return crl;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CRL", e);
        }
    }

    /** The newest CRL; a fresh one is published first if there is none or it is half-way to stale. */
    public CrlRecord current() {
        CrlRecord newest = newest();
        Instant now = Instant.now();
        if (newest == null || now.isAfter(newest.thisUpdate().plus(Duration.ofMinutes(validityHours * 30L)))) {
            return publish("system");
        }
        return newest;
    }

    private CrlRecord newest() {
        List<CrlRecord> list = em.createQuery("SELECT c FROM CrlRecord c ORDER BY c.number DESC", CrlRecord.class)
                .setMaxResults(1).getResultList();
        return list.isEmpty() ? null : list.get(0);
    }
}
