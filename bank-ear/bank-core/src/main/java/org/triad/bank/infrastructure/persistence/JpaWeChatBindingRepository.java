package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.triad.bank.domain.model.login.WeChatBinding;
import org.triad.bank.domain.model.login.WeChatBindingRepository;

@ApplicationScoped
public class JpaWeChatBindingRepository implements WeChatBindingRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public Optional<WeChatBinding> findByOpenid(String openid) {
        return em.createQuery("SELECT b FROM WeChatBinding b WHERE b.openid = :o", WeChatBinding.class)
                .setParameter("o", openid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public void add(WeChatBinding binding) {
        em.persist(binding);
    }
}
