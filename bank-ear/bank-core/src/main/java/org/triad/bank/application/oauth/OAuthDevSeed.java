package org.triad.bank.application.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.oauth.Scopes;

/**
 * Development apps of the open platform, with the rest of the development data ({@code triad.bank.dev-seed}),
 * owned by the platform admin and approved: the shop (confidential, {@code triad-shop}, secret
 * {@code triad.shop.oauth.client-secret}), a public PKCE demo app ({@code triad-demo}) and a legacy-implicit Odoo
 * demo ({@code odoo-demo}). Each is created once.
 */
@Startup
@Singleton
@DependsOn("DevSeed")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OAuthDevSeed {

    public static final String SHOP_CLIENT_ID = "triad-shop";
    public static final String DEMO_CLIENT_ID = "triad-demo";
    public static final String ODOO_CLIENT_ID = "odoo-demo";
    private static final Logger LOG = Logger.getLogger(OAuthDevSeed.class.getName());

    @Inject
    @ConfigProperty(name = "triad.bank.dev-seed", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "triad.shop.oauth.client-secret", defaultValue = "triad-shop-dev-only-secret")
    String shopSecret;

    @Inject
    @ConfigProperty(name = "triad.shop.public-url", defaultValue = "https://localhost:10443/shop")
    String shopUrl;

    @EJB
    OpenPlatform platform;

    @Inject
    CustomerRepository customers;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        Long admin = customers.findByLogin("admin").map(c -> c.id()).orElse(null);
        if (admin == null) {
            return;
        }
        boolean created = platform.seed(admin, SHOP_CLIENT_ID, new AppForm("Triad Shop", shopUrl + "/",
                shopUrl + "/oauth/callback", shopUrl + "/", Set.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL,
                Scopes.CARDS_READ, Scopes.PAYMENTS), true, false, null, null, null,
                shopUrl + "/oauth/backchannel-logout"), shopSecret) != null;
        created |= platform.seed(admin, DEMO_CLIENT_ID, new AppForm("Triad Demo App", "https://localhost:9443/bank/",
                "http://127.0.0.1:9/callback\nhttp://localhost:8765/callback", "http://127.0.0.1:9/signed-out",
                Set.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL, Scopes.PHONE, Scopes.IDENTIFY, Scopes.CARDS_READ),
                false, false, null, null, null), null) != null;
        created |= platform.seed(admin, ODOO_CLIENT_ID, new AppForm("Odoo demo", "http://localhost:8069/",
                "http://localhost:8069/auth_oauth/signin", null, Set.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL,
                Scopes.IDENTIFY),
                false, true, null, null, null), null) != null;
        if (created) {
            LOG.info("Seeded development apps: " + SHOP_CLIENT_ID + ", " + DEMO_CLIENT_ID + ", " + ODOO_CLIENT_ID);
        }
    }
}
