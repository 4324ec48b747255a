package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.shop.domain.model.user.CardBinding;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopCode;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

@ApplicationScoped
public class JpaShopUserRepository implements ShopUserRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public Optional<ShopUser> find(long id) {
        return Optional.ofNullable(em.find(ShopUser.class, id));
    }

    @Override
    public Optional<ShopUser> lock(long id) {
        return Optional.ofNullable(em.find(ShopUser.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<ShopUser> findByBankSubject(String subject) {
        return em.createQuery("SELECT u FROM ShopUser u WHERE u.bankSubject = :s", ShopUser.class)
                .setParameter("s", subject).getResultStream().findFirst();
    }

    @Override
    public Optional<ShopUser> findByLoginName(String loginName) {
        return em.createQuery("SELECT u FROM ShopUser u WHERE u.loginName = :n", ShopUser.class)
                .setParameter("n", loginName).getResultStream().findFirst();
    }

    @Override
    public void add(ShopUser user) {
        em.persist(user);
    }

    @Override
    public Optional<CardBinding> binding(long userId, CardPurpose purpose) {
        return em.createQuery("SELECT b FROM CardBinding b WHERE b.userId = :u AND b.purpose = :p", CardBinding.class)
                .setParameter("u", userId).setParameter("p", purpose).getResultStream().findFirst();
    }

    @Override
    public List<CardBinding> bindings(long userId) {
        return em.createQuery("SELECT b FROM CardBinding b WHERE b.userId = :u ORDER BY b.purpose", CardBinding.class)
                .setParameter("u", userId).getResultList();
    }

    @Override
    public void add(CardBinding binding) {
        em.persist(binding);
    }

    @Override
    public void remove(CardBinding binding) {
        em.remove(em.contains(binding) ? binding : em.merge(binding));
    }

    @Override
    public List<ShopUser> sellers(int first, int max) {
        return em.createQuery("SELECT u FROM ShopUser u WHERE u.sellerSince IS NOT NULL ORDER BY u.sellerSince DESC",
                ShopUser.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public List<ShopCode> codes(long userId, ShopCode.Purpose purpose) {
        return em.createQuery("SELECT c FROM ShopCode c WHERE c.userId = :u AND c.purpose = :p ORDER BY c.createdAt DESC",
                ShopCode.class).setParameter("u", userId).setParameter("p", purpose).setMaxResults(5).getResultList();
    }

    @Override
    public void add(ShopCode code) {
        em.persist(code);
    }
}
