package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.organisation.OrganisationRuleException;
import org.triad.bank.domain.model.organisation.UnifiedSocialCreditCode;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * An invitation past its 7 days, inside the server through the service the REST API uses: its expiry is moved into
 * the past in the database (nothing waits for a clock), and accepting it is refused and creates no membership.
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationInvitationExpiryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", OrganisationInvitationExpiryIT.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    OrganisationService organisations;

    @Inject
    CustomerRepository customers;

    @Test
    void anExpiredInvitationIsRefusedAndChangesNothing() throws Exception {
        String run = UUID.randomUUID().toString();
        long admin = onboarding.reviewedCustomerWithCard("Expiry admin", "expiry-admin-" + run + "@example.com",
                "expiry-test-password", "123456", 0).customerId();
        String inviteeEmail = "expiry-invitee-" + run + "@example.com";
        long invitee = onboarding.reviewedCustomerWithCard("Expiry invitee", inviteeEmail, "expiry-test-password",
                "123456", 0).customerId();
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        String first17 = "91" + "310000" + "MA" + run.replaceAll("[^0-9]", "").concat("0000000").substring(0, 7);
        long org = organisations.apply(admin, "ENTERPRISE", "Expiry Ltd", first17
                + UnifiedSocialCreditCode.checkCharacter(first17), "Admin", "admin@example.com", "+86 21 5555 0001").id();
        organisations.addDocument(admin, org, "licence.pdf", "%PDF-1.4\n%%EOF\n".getBytes());
        organisations.approve(clerk, org);
        var invited = organisations.invite(admin, org, inviteeEmail, "MEMBER", null);

        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE org_invitation SET expires_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(1)));
            ps.setLong(2, invited.invitation().id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> organisations.accept(invitee, invited.token()))
                .isInstanceOf(OrganisationRuleException.class)
                .satisfies(e -> assertThat(((OrganisationRuleException) e).problemType()).isEqualTo("invitation-expired"));
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM org_membership WHERE organisation_id = ? AND customer_id = ?")) {
            ps.setLong(1, org);
            ps.setLong(2, invitee);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        assertThat(organisations.mine(invitee)).isEmpty();
        assertThat(organisations.members(admin, org)).hasSize(1);
    }
}
