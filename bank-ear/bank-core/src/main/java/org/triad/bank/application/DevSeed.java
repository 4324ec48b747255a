package org.triad.bank.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;

/**
 * Development data, created once at start-up when {@code triad.bank.dev-seed=true} (the dev and test default;
 * production sets {@code TRIAD_BANK_DEV_SEED=false}): clerk {@code clerk}, admin {@code admin}, reviewed
 * customers alice@example.com and bob@example.com with an active card each, password {@value #PASSWORD}, pay
 * password {@value #PAY_PASSWORD}.
 */
@Startup
@Singleton
@DependsOn("BankDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DevSeed {

    public static final String PASSWORD = "triad-dev-pass";
    public static final String PAY_PASSWORD = "123456";
    private static final Logger LOG = Logger.getLogger(DevSeed.class.getName());

    @Inject
    @ConfigProperty(name = "triad.bank.dev-seed", defaultValue = "false")
    boolean enabled;

    @EJB
    Onboarding onboarding;

    @EJB
    MoneyMovements movements;

    // On the callback itself: a singleton's @PostConstruct would otherwise run in one transaction, and the
    // ledger (a new transaction) could not see the card created just before.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!enabled || onboarding.exists("clerk")) {
            return;
        }
        long clerk = onboarding.staff("clerk", "clerk@bank.triad.example", Role.CLERK, PASSWORD);
        onboarding.staff("admin", "admin@bank.triad.example", Role.ADMIN, PASSWORD);
        customer("Alice", "alice@example.com", clerk, "10000.00");
        customer("Bob", "bob@example.com", clerk, "5000.00");
        LOG.info("Seeded development data: clerk, admin, alice@example.com, bob@example.com");
    }

    private void customer(String nickname, String email, long clerk, String opening) {
        var created = onboarding.reviewedCustomerWithCard(nickname, email, PASSWORD, PAY_PASSWORD, clerk);
        movements.move(new MovementRequest(EntryType.DEPOSIT, created.customerId(), created.cardId(), null,
                Money.parsePositive(new BigDecimal(opening)), "dev-seed-opening-deposit"));
    }
}
