package org.triad.bank.application.oauth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.triad.bank.domain.model.oauth.OAuthRepository;

/**
 * Deletes authorization codes a day after they expired (a reused code within that day still revokes the grant of
 * its first use; later it is simply unknown, {@code invalid_grant} all the same).
 */
@Singleton
public class OAuthHousekeeping {

    static final Duration KEEP_EXPIRED_CODES = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(OAuthHousekeeping.class.getName());

    @Inject
    OAuthRepository repository;

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purgeCodes() {
        int n = repository.deleteCodesExpiredBefore(Instant.now().minus(KEEP_EXPIRED_CODES));
        if (n > 0) {
            LOG.fine(() -> "Deleted " + n + " expired authorization codes");
        }
    }
}
