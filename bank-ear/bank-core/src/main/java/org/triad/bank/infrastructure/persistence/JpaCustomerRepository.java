package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.KycStatus;
import org.triad.bank.domain.model.customer.Role;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public Optional<Customer> find(long id) {
        return Optional.ofNullable(em.find(Customer.class, id));
    }

    @Override
    public Optional<Customer> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        if (login.contains("@")) {
            return findByEmail(login);
        }
        return em.createQuery("SELECT c FROM Customer c WHERE c.nickname = :n AND c.role <> :customer", Customer.class)
                .setParameter("n", login.trim())
                .setParameter("customer", Role.CUSTOMER)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Customer> findByEmail(String email) {
        return em.createQuery("SELECT c FROM Customer c WHERE c.email = :e", Customer.class)
                .setParameter("e", Customer.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    @Override
    public List<Customer> search(KycStatus kycStatus, String text, int offset, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        // Filters are added to the statement rather than tested as "? IS NULL", which H2 cannot type.
        var q = em.createQuery("SELECT c FROM Customer c WHERE c.role = :customer"
                        + (kycStatus == null ? "" : " AND c.kycStatus = :kyc")
                        + (like == null ? "" : " AND (LOWER(c.email) LIKE :like OR LOWER(c.nickname) LIKE :like)")
                        + " ORDER BY c.createdAt, c.id", Customer.class)
                .setParameter("customer", Role.CUSTOMER);
        if (kycStatus != null) {
            q.setParameter("kyc", kycStatus);
        }
        if (like != null) {
            q.setParameter("like", like);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(Customer customer) {
        em.persist(customer);
    }
}
