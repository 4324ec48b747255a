package org.triad.bank.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.domain.model.identity.RevokedSession;
import org.triad.bank.domain.model.identity.RevokedSessionRepository;
import org.triad.common.security.RevocationList;

/**
 * Copies the still relevant rows of {@code revoked_session} into the cluster-wide {@link RevocationList} at start-up
 * (after a full cluster restart the grid is empty, while access tokens of revoked sessions may still be unexpired).
 */
@Singleton
@Startup
@DependsOn("BankDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationStartup {

    private static final Logger LOG = Logger.getLogger(RevocationStartup.class.getName());

    @Inject
    RevokedSessionRepository revoked;

    @PostConstruct
    void load() {
        try {
            List<RevokedSession> rows = revoked.findUnexpired(Instant.now());
            RevocationList list = RevocationList.shared();
            rows.forEach(r -> list.revoke(r.handle(), r.expiresAt()));
            LOG.info(() -> "Revocation list: " + rows.size() + " revoked device sessions listed in the data grid");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not fill the revocation list from the database", e);
        }
    }
}
