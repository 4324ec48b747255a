package org.triad.shop.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * Development data ({@code triad.shop.dev-seed}, on by default for development and tests, off in production): the
 * local account {@code shop-admin} (password {@code triad.shop.dev-seed.password}, dev only) as shop admin.
 */
@Startup
@Singleton
@DependsOn("ShopDatabase")
public class DevSeed {

    public static final String ADMIN_LOGIN = "shop-admin";
    private static final Logger LOG = Logger.getLogger(DevSeed.class.getName());

    @Inject
    @ConfigProperty(name = "triad.shop.dev-seed", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "triad.shop.dev-seed.password", defaultValue = "triad-dev-pass")
    String password;

    @Inject
    ShopUserRepository users;

    @Inject
    ShopPasswords passwords;

    @PostConstruct
    void seed() {
        if (!enabled || users.findByLoginName(ADMIN_LOGIN).isPresent()) {
            return;
        }
        ShopUser admin = ShopUser.local(ADMIN_LOGIN, "Shop admin", null, passwords.hash(password), Instant.now());
        admin.appointAdmin();
        admin.activate(Instant.now());
        users.add(admin);
        LOG.info("Seeded the development shop admin " + ADMIN_LOGIN);
    }
}
