package org.triad.bank.application.support;

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
import org.triad.bank.application.banking.MoneyMovements;
import org.triad.bank.application.banking.MovementRequest;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.organisation.OrganisationRepository;
import org.triad.bank.domain.model.organisation.OrganisationType;

/**
 * Development data, created once at start-up when {@code triad.bank.dev-seed=true} (the dev and test default;
 * production sets {@code TRIAD_BANK_DEV_SEED=false}): clerk {@code clerk}, admin {@code admin}, reviewed
 * customers alice@example.com and bob@example.com with an active card each, password {@value #PASSWORD}, pay
 * password {@value #PAY_PASSWORD}; the approved organisation "Triad Demo Enterprise" (alice ORG_ADMIN, bob MEMBER).
 */
@Startup
@Singleton
@DependsOn("BankDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DevSeed {

    public static final String PASSWORD = "triad-dev-pass";
    public static final String PAY_PASSWORD = "123456";
    /** A valid unified social credit code (check character included) for the demo enterprise. */
    public static final String DEMO_ORGANISATION_CODE = "91310000MA1TRD000P";
    /** A 1×1 PNG, the demo organisation's "business licence". */
    private static final byte[] DEMO_DOCUMENT = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final Logger LOG = Logger.getLogger(DevSeed.class.getName());

    @Inject
    @ConfigProperty(name = "triad.bank.dev-seed", defaultValue = "false")
    boolean enabled;

    @EJB
    Onboarding onboarding;

    @EJB
    MoneyMovements movements;

    @EJB
    OrganisationService organisationService;

    @Inject
    OrganisationRepository organisations;

    @Inject
    CustomerRepository customers;

    // On the callback itself: a singleton's @PostConstruct would otherwise run in one transaction, and the
    // ledger (a new transaction) could not see the card created just before.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!enabled) {
            return;
        }
        if (!onboarding.exists("clerk")) {
            seedCustomers();
        }
        seedOrganisation();
    }

    private void seedCustomers() {
        long clerk = onboarding.staff("clerk", "clerk@bank.triad.example", Role.CLERK, PASSWORD);
        onboarding.staff("admin", "admin@bank.triad.example", Role.ADMIN, PASSWORD);
        customer("Alice", "alice@example.com", clerk, "10000.00");
        customer("Bob", "bob@example.com", clerk, "5000.00");
        LOG.info("Seeded development data: clerk, admin, alice@example.com, bob@example.com");
    }

    /**
     * "Triad Demo Enterprise" (ENTERPRISE, approved) with alice as ORG_ADMIN, departments Engineering (with
     * Payments under it) and Operations, and bob as a MEMBER of Engineering; created once, each step through the
     * organisation service in its own transaction.
     */
    private void seedOrganisation() {
        if (organisations.findByRegistration(OrganisationType.ENTERPRISE, DEMO_ORGANISATION_CODE).isPresent()) {
            return;
        }
        long alice = customers.findByEmail("alice@example.com").orElseThrow().id();
        long bob = customers.findByEmail("bob@example.com").orElseThrow().id();
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        var org = organisationService.apply(alice, OrganisationType.ENTERPRISE.name(), "Triad Demo Enterprise",
                DEMO_ORGANISATION_CODE, "Alice", "alice@example.com", "+86 21 5555 0100");
        organisationService.addDocument(alice, org.id(), "business-licence.png", DEMO_DOCUMENT);
        organisationService.approve(clerk, org.id());
        var engineering = organisationService.createDepartment(alice, org.id(), null, "Engineering");
        organisationService.createDepartment(alice, org.id(), engineering.id(), "Payments");
        organisationService.createDepartment(alice, org.id(), null, "Operations");
        var invited = organisationService.invite(alice, org.id(), "bob@example.com", "MEMBER", engineering.id());
        organisationService.accept(bob, invited.token());
        LOG.info("Seeded development organisation: Triad Demo Enterprise (alice ORG_ADMIN, bob MEMBER)");
    }

    private void customer(String nickname, String email, long clerk, String opening) {
        var created = onboarding.reviewedCustomerWithCard(nickname, email, PASSWORD, PAY_PASSWORD, clerk);
        movements.move(new MovementRequest(EntryType.DEPOSIT, created.customerId(), created.cardId(), null,
                Money.parsePositive(new BigDecimal(opening)), "dev-seed-opening-deposit"));
    }
}
