package org.triad.bank.application.login;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.triad.bank.application.support.Hashes;

/**
 * The development key-encryption secret: used only when {@code triad.bank.key-encryption-password} is not
 * configured. Created once (random, 256 bits) in {@code app_setting} in a transaction of its own, so that every
 * instance and every restart derives the same key. Production configures the password instead.
 */
@Singleton
public class DevKeySecret {

    private static final Logger LOG = Logger.getLogger(DevKeySecret.class.getName());
    static final String NAME = "login.dev-key-encryption-secret";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Lock(LockType.WRITE)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String get() {
        List<?> found = em.createNativeQuery("SELECT setting_value FROM app_setting WHERE name = ?")
                .setParameter(1, NAME).getResultList();
        if (!found.isEmpty()) {
            return String.valueOf(found.get(0));
        }
        String secret = Hashes.randomToken();
        em.createNativeQuery("INSERT INTO app_setting (name, setting_value, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                .setParameter(1, NAME).setParameter(2, secret).setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, "login").executeUpdate();
        LOG.warning("triad.bank.key-encryption-password is not set: a generated development secret encrypts TOTP"
                + " secrets. Configure the password in production.");
        return secret;
    }
}
