package org.triad.ca.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.ca.domain.model.account.CaAccount;

/**
 * Makes sure someone can administer a new CA. In production, {@code triad.ca.admin.initial-password}
 * (and optionally {@code triad.ca.enroll.initial-password}) create the first accounts; with
 * {@code triad.ca.dev-seed=true} (the development and test default) the documented development
 * accounts {@code ca-admin} and {@code ca-enroll} with password {@code triad-dev-pass} are created.
 */
@Startup
@Singleton
@DependsOn("CaHierarchy")
public class CaBootstrap {

    private static final Logger LOG = Logger.getLogger(CaBootstrap.class.getName());
    static final String DEV_PASSWORD = "triad-dev-pass";

    @Inject
    CaAccounts accounts;

    @Inject
    @ConfigProperty(name = "triad.ca.dev-seed", defaultValue = "false")
    boolean devSeed;

    @Inject
    @ConfigProperty(name = "triad.ca.admin.initial-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "triad.ca.enroll.initial-password")
    Optional<String> enrollPassword;

    @PostConstruct
    void seed() {
        create("ca-admin", adminPassword, Set.of(CaAccount.ROLE_ADMIN, CaAccount.ROLE_ENROLL));
        create("ca-enroll", enrollPassword, Set.of(CaAccount.ROLE_ENROLL));
    }

    private void create(String username, Optional<String> configured, Set<String> roles) {
        String password = configured.filter(p -> !p.isBlank()).orElse(devSeed ? DEV_PASSWORD : null);
        if (password == null) {
            return;
        }
        if (accounts.createIfAbsent(username, password.toCharArray(), roles, "system")) {
            LOG.info(() -> "Created CA account " + username + (configured.isPresent() ? "" : " (development seed)"));
        }
    }
}
