package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.oauth.AuthorizationCode;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.oauth.Consent;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;

@ApplicationScoped
public class JpaOAuthRepository implements OAuthRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(OAuthClient client) {
        em.persist(client);
    }

    @Override
    public Optional<OAuthClient> findClient(long id) {
        return Optional.ofNullable(em.find(OAuthClient.class, id)).filter(c -> !c.isDeleted());
    }

    @Override
    public Optional<OAuthClient> findByClientId(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id AND c.deletedAt IS NULL",
                OAuthClient.class).setParameter("id", clientId).getResultStream().findFirst();
    }

    @Override
    public List<OAuthClient> findManagedBy(long ownerId, java.util.Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return em.createQuery("SELECT c FROM OAuthClient c WHERE c.ownerId = :o AND c.organisationId IS NULL"
                    + " AND c.deletedAt IS NULL ORDER BY c.createdAt DESC", OAuthClient.class)
                    .setParameter("o", ownerId).getResultList();
        }
        return em.createQuery("SELECT c FROM OAuthClient c WHERE ((c.ownerId = :o AND c.organisationId IS NULL)"
                + " OR c.organisationId IN :orgs) AND c.deletedAt IS NULL ORDER BY c.createdAt DESC", OAuthClient.class)
                .setParameter("o", ownerId).setParameter("orgs", organisationIds).getResultList();
    }

    @Override
    public List<OAuthClient> findByStatus(ClientStatus status) {
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.status = :s AND c.deletedAt IS NULL"
                + " ORDER BY c.createdAt", OAuthClient.class).setParameter("s", status).getResultList();
    }

    @Override
    public void add(Consent consent) {
        em.persist(consent);
    }

    @Override
    public Optional<Consent> findActiveConsent(long customerId, long clientPk) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.customerId = :u AND c.clientPk = :c"
                        + " AND c.revokedAt IS NULL ORDER BY c.grantedAt DESC", Consent.class)
                .setParameter("u", customerId).setParameter("c", clientPk).getResultStream().findFirst();
    }

    @Override
    public List<Consent> findActiveConsents(long customerId) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.customerId = :u AND c.revokedAt IS NULL"
                + " ORDER BY c.grantedAt DESC", Consent.class).setParameter("u", customerId).getResultList();
    }

    @Override
    public void add(AuthorizationCode code) {
        em.persist(code);
    }

    @Override
    public int deleteCodesExpiredBefore(java.time.Instant instant) {
        return em.createQuery("DELETE FROM AuthorizationCode c WHERE c.expiresAt < :t").setParameter("t", instant)
                .executeUpdate();
    }

    @Override
    public Optional<AuthorizationCode> findCodeForUpdate(String codeHash) {
        return em.createQuery("SELECT c FROM AuthorizationCode c WHERE c.codeHash = :h", AuthorizationCode.class)
                .setParameter("h", codeHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }
}
