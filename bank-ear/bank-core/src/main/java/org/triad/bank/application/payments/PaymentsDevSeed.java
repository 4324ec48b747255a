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

/**
 * The development merchant, with the rest of the development data ({@code triad.bank.dev-seed}): the shop's app
 * ({@code triad-shop}, owned by {@code admin}) becomes an approved merchant "Triad Shop" whose settlement card is a
 * new card of {@code admin}, notify URL {@code <shop>/api/v1/payments/notifications}, return URLs below the shop,
 * and the shop's client certificate subject registered for mutual TLS (RFC 8705), so the shop's client-credentials
 * tokens are bound to the certificate {@code ./triad} provisions for it. Created once.
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

    /**
     * The subject of the shop's client certificate ({@code ./triad} provisions {@code triad-shop-client}, profile
     * {@code tls-client}, CN {@code shop}); {@code none}: the seed registers no certificate and the shop's tokens
     * are not bound (the in-container tests, which run without certificates from the CA).
     */
    @Inject
    @ConfigProperty(name = "triad.bank.dev-seed.shop-client-subject", defaultValue = "CN=shop")
    String shopClientSubject;

    static final String NO_CERTIFICATE = "none";

    @Inject
    CustomerRepository customers;

    @EJB
    Onboarding onboarding;

    @EJB
    Merchants merchants;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        Long admin = customers.findByLogin("admin").map(c -> c.id()).orElse(null);
        Long clerk = customers.findByLogin("clerk").map(c -> c.id()).orElse(null);
        if (admin == null || clerk == null) {
            return;
        }
        String subject = NO_CERTIFICATE.equals(shopClientSubject.strip()) ? null : shopClientSubject.strip();
        try {
            var existing = merchants.ofOwnApp(admin, OAuthDevSeed.SHOP_CLIENT_ID);
            if (existing.isPresent()) {
                // a development database from before mutual TLS: register the shop's certificate once
                var m = existing.get();
                if (subject != null && m.clientCertificateSubject() == null) {
                    merchants.describe(admin, m.clientId(), m.displayName(), m.settlementCardId(), m.notifyUrl(),
                            m.returnUrlPrefixes(), subject);
                    merchants.approve(clerk, OAuthDevSeed.SHOP_CLIENT_ID);
                    LOG.info("Development merchant " + m.clientId() + ": registered client certificate " + subject);
                }
                return;
            }
            long card = onboarding.openActiveCard(admin);
            merchants.describe(admin, OAuthDevSeed.SHOP_CLIENT_ID, "Triad Shop", card, shopUrl + SHOP_NOTIFY_PATH,
                    List.of(shopUrl + "/"), subject);
            merchants.approve(clerk, OAuthDevSeed.SHOP_CLIENT_ID);
            LOG.info("Seeded development merchant: " + OAuthDevSeed.SHOP_CLIENT_ID
                    + (subject == null ? " (no client certificate)" : " with client certificate " + subject));
        } catch (RuntimeException e) {
            // another cluster member seeded it at the same moment
            LOG.log(Level.INFO, "Development merchant not seeded here: " + e.getMessage());
        }
    }
}
