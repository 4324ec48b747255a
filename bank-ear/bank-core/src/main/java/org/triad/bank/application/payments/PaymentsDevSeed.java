package org.triad.bank.application.payments;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.oauth.OAuthDevSeed;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.payment.PaymentRepository;

/**
 * The development merchant, with the rest of the development data ({@code triad.bank.dev-seed}): the shop's app
 * ({@code triad-shop}, owned by {@code admin}) becomes an approved merchant "Triad Shop" whose settlement card is a
 * new card of {@code admin}, notify URL {@code <shop>/api/v1/payments/notifications}, return URLs below the shop.
 * Created once.
 */
@Startup
@Singleton
@DependsOn("OAuthDevSeed")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentsDevSeed {

    public static final String SHOP_NOTIFY_PATH = "/api/v1/payments/notifications";
    private static final Logger LOG = Logger.getLogger(PaymentsDevSeed.class.getName());

    @Inject
    @ConfigProperty(name = "triad.bank.dev-seed", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "triad.shop.public-url", defaultValue = "https://localhost:10443/shop")
    String shopUrl;

    @Inject
    PaymentRepository payments;

    @Inject
    CustomerRepository customers;

    @EJB
    Onboarding onboarding;

    @EJB
    Merchants merchants;

    @PostConstruct
    void seed() {
        if (!enabled || payments.merchantOfClient(OAuthDevSeed.SHOP_CLIENT_ID).isPresent()) {
            return;
        }
        Long admin = customers.findByLogin("admin").map(c -> c.id()).orElse(null);
        Long clerk = customers.findByLogin("clerk").map(c -> c.id()).orElse(null);
        if (admin == null || clerk == null) {
            return;
        }
        try {
            long card = onboarding.openActiveCard(admin);
            merchants.describe(admin, OAuthDevSeed.SHOP_CLIENT_ID, "Triad Shop", card, shopUrl + SHOP_NOTIFY_PATH,
                    List.of(shopUrl + "/"));
            merchants.approve(clerk, OAuthDevSeed.SHOP_CLIENT_ID);
            LOG.info("Seeded development merchant: " + OAuthDevSeed.SHOP_CLIENT_ID);
        } catch (RuntimeException e) {
            // another cluster member seeded it at the same moment
            LOG.log(Level.INFO, "Development merchant not seeded here: " + e.getMessage());
        }
    }
}
