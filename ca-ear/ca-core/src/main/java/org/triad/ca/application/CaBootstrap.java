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
 * (and optionally {@code triad.ca.enroll.initial-password} and {@code triad.ca.provision.initial-password})
 * create the first accounts; with {@code triad.ca.dev-seed=true} (the development and test default)
 * the documented development accounts {@code ca-admin}, {@code ca-enroll} and {@code ca-provision}
 * with password {@code triad-dev-pass} are created. {@code ca-provision} is the enrolment account
 * that {@code ./triad} uses for the platform's own TLS certificates: the only one, besides CA
 * administrators, that may obtain the reserved names ({@link CaPolicy}).
 */
@Startup
@Singleton
@DependsOn("CaHierarchy")
public class CaBootstrap {

    private static final Logger LOG = Logger.getLogger(CaBootstrap.class.getName());
    static final String DEV_PASSWORD = "triad-dev-pass";
    /** The account of the platform's own TLS provisioning (default of {@code triad.ca.policy.reserved-names.accounts}). */
    static final String PROVISIONING_ACCOUNT = "ca-provision";

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

    @Inject
    @ConfigProperty(name = "triad.ca.provision.initial-password")
    Optional<String> provisionPassword;

    @PostConstruct
    void seed() {
        create("ca-admin", adminPassword, Set.of(CaAccount.ROLE_ADMIN, CaAccount.ROLE_ENROLL));
        create("ca-enroll", enrollPassword, Set.of(CaAccount.ROLE_ENROLL));
        create(PROVISIONING_ACCOUNT, provisionPassword, Set.of(CaAccount.ROLE_ENROLL));
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
