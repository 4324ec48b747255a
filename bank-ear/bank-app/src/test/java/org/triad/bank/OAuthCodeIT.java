package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.oauth.AppForm;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthProvider.CodeCheck;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.oauth.ClientNotFoundException;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.organisation.UnifiedSocialCreditCode;
import org.triad.common.domain.DomainException;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * Authorization codes and app registrations inside the server, against the real database: an expired code (its
 * row aged in the database) is refused and cannot be used afterwards; a code is single use; PKCE and the redirect URI
 * are checked; registrations with bad input change nothing; edits of an approved app send it back to review.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthCodeIT {

    private static final String REDIRECT = "https://app.example/callback";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", OAuthCodeIT.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    OpenPlatform platform;

    @Inject
    OAuthProvider provider;

    @Inject
    org.triad.bank.application.oauth.OAuthHousekeeping housekeeping;

    @Inject
    OrganisationService organisations;

    @Inject
    CustomerRepository customers;

    private long customer() {
        return onboarding.reviewedCustomerWithCard("Oauth", "oauth-" + UUID.randomUUID() + "@example.com",
                "oauth-test-password", "123456", 0).customerId();
    }

    private ClientView approvedPublicApp(long owner) {
        AppForm form = new AppForm("Code test", null, REDIRECT, null, Set.of("openid", "email"), false, false, null,
                null, null);
        return platform.seed(owner, "it-" + UUID.randomUUID(), form, null).app();
    }

    @Test
    void anExpiredCodeIsRefusedAndStaysUnusable() throws SQLException {
        long alice = customer();
        ClientView app = approvedPublicApp(alice);
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        String code = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid"), "n-1", challenge, "S256", null);

        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE oauth_code SET expires_at = ? WHERE code_hash = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            s.setString(2, Hashes.sha256Hex(code));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThat(provider.redeem(code, app.id(), REDIRECT, verifier.getValue()).check()).isEqualTo(CodeCheck.EXPIRED);
        assertThat(usedAt(code)).isNotNull();
        assertThat(provider.redeem(code, app.id(), REDIRECT, verifier.getValue()).check()).isNotEqualTo(CodeCheck.OK);
    }

    @Test
    void codesLongExpiredAreDeletedAndFreshOnesKept() throws SQLException {
        long alice = customer();
        ClientView app = approvedPublicApp(alice);
        String old = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid"), null, null, null, null);
        String fresh = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid"), null, null, null, null);
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE oauth_code SET expires_at = ? WHERE code_hash = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(2 * 86_400)));
            s.setString(2, Hashes.sha256Hex(old));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        housekeeping.purgeCodes();
        assertThat(codeRows(old)).isZero();
        assertThat(codeRows(fresh)).isOne();
    }

    private static int codeRows(String code) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM oauth_code WHERE code_hash = ?")) {
            s.setString(1, Hashes.sha256Hex(code));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void aCodeIsSingleUseAndBoundToClientRedirectUriAndVerifier() throws SQLException {
        long alice = customer();
        ClientView app = approvedPublicApp(alice);
        ClientView other = approvedPublicApp(alice);
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        String code = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid", "email"), "n-2", challenge,
                "S256", null);

        // refusals that leave the code unused: another app's attempt, an unknown code
        assertThat(provider.redeem(code, other.id(), REDIRECT, verifier.getValue()).check())
                .isEqualTo(CodeCheck.WRONG_CLIENT);
        assertThat(provider.redeem("not-a-code", app.id(), REDIRECT, verifier.getValue()).check())
                .isEqualTo(CodeCheck.UNKNOWN);
        assertThat(usedAt(code)).isNull();

        OAuthProvider.CodeGrant grant = provider.redeem(code, app.id(), REDIRECT, verifier.getValue());
        assertThat(grant.check()).isEqualTo(CodeCheck.OK);
        assertThat(grant.customerId()).isEqualTo(alice);
        assertThat(grant.scopes()).containsExactly("openid", "email");
        assertThat(grant.nonce()).isEqualTo("n-2");

        assertThat(provider.redeem(code, app.id(), REDIRECT, verifier.getValue()).check()).isEqualTo(CodeCheck.REUSED);
    }

    @Test
    void aWrongVerifierOrRedirectUriUsesTheCodeUpSoTheRightOneFailsAfterwards() throws SQLException {
        // issue 18: a wrong code_verifier left the code usable, so whoever held a stolen code could keep guessing
        long alice = customer();
        ClientView app = approvedPublicApp(alice);
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        String[] wrong = {new CodeVerifier().getValue(), null};
        for (String bad : wrong) {
            String code = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid"), null, challenge, "S256",
                    null);
            assertThat(provider.redeem(code, app.id(), REDIRECT, bad).check()).isEqualTo(CodeCheck.PKCE_FAILED);
            assertThat(usedAt(code)).isNotNull();
            assertThat(provider.redeem(code, app.id(), REDIRECT, verifier.getValue()).check())
                    .isEqualTo(CodeCheck.REUSED);
        }
        String code = provider.issueCode(alice, app.id(), REDIRECT, Set.of("openid"), null, challenge, "S256", null);
        assertThat(provider.redeem(code, app.id(), REDIRECT + "/", verifier.getValue()).check())
                .isEqualTo(CodeCheck.WRONG_REDIRECT_URI);
        assertThat(provider.redeem(code, app.id(), REDIRECT, verifier.getValue()).check()).isEqualTo(CodeCheck.REUSED);
    }

    @Test
    void badRegistrationsChangeNothingAndWideningAnApprovedAppSendsItBackToReview() {
        long owner = customer();
        int before = platform.appsOf(owner).size();
        for (AppForm bad : new AppForm[] {
                new AppForm(" ", null, REDIRECT, null, Set.of("openid"), true, false, null, null, null),
                new AppForm("No redirect", null, " ", null, Set.of("openid"), true, false, null, null, null),
                new AppForm("Relative", null, "/callback", null, Set.of("openid"), true, false, null, null, null),
                new AppForm("Plain http", null, "http://app.example/cb", null, Set.of("openid"), true, false, null,
                        null, null),
                new AppForm("Fragment", null, "https://app.example/cb#x", null, Set.of("openid"), true, false, null,
                        null, null),
                new AppForm("Scope", null, REDIRECT, null, Set.of("admin"), true, false, null, null, null),
                new AppForm("Icon", null, REDIRECT, null, Set.of("openid"), true, false, null,
                        "<svg onload=alert(1)>".getBytes(), "image/png"),
                new AppForm("Huge icon", null, REDIRECT, null, Set.of("openid"), true, false, null,
                        png(60 * 1024), "image/png")}) {
            assertThatThrownBy(() -> platform.register(owner, bad)).as(bad.name()).isInstanceOf(DomainException.class);
        }
        assertThat(platform.appsOf(owner)).hasSize(before);

        OpenPlatform.Registered registered = platform.register(owner, new AppForm("Good", "https://app.example/",
                REDIRECT, null, Set.of("openid"), true, false, null, png(100), "image/png"));
        assertThat(registered.clientSecret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(registered.app().status()).isEqualTo(ClientStatus.PENDING);
        assertThat(registered.app().hasIcon()).isTrue();
        assertThat(provider.authenticate(registered.app().clientId(), registered.clientSecret())).isPresent();
        assertThat(provider.authenticate(registered.app().clientId(), registered.clientSecret() + "x")).isEmpty();

        long admin = onboarding.exists("admin") ? adminId() : 0;
        platform.approve(admin, registered.app().id());
        // same URIs and fewer scopes: stays approved
        assertThat(platform.update(owner, registered.app().id(), new AppForm("Good 2", null, REDIRECT, null,
                Set.of("openid"), true, false, null, null, null)).status()).isEqualTo(ClientStatus.APPROVED);
        // a new redirect URI: back to review
        assertThat(platform.update(owner, registered.app().id(), new AppForm("Good 2", null,
                REDIRECT + "\nhttps://app.example/other", null, Set.of("openid"), true, false, null, null, null))
                .status()).isEqualTo(ClientStatus.PENDING);

        String rotated = platform.rotateSecret(owner, registered.app().id());
        assertThat(provider.authenticate(registered.app().clientId(), registered.clientSecret())).isEmpty();
        assertThat(provider.authenticate(registered.app().clientId(), rotated)).isPresent();
        // another customer cannot see or change it
        long stranger = customer();
        assertThatThrownBy(() -> platform.rotateSecret(stranger, registered.app().id()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> platform.approve(stranger, registered.app().id()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anOrganisationsAppIsManagedByItsCurrentAdministratorsAndNobodyElse() {
        String run = UUID.randomUUID().toString();
        long admin = customer();
        long member = customer();
        long outsider = customer();
        String secondAdminEmail = "oauth-admin2-" + run + "@example.com";
        long secondAdmin = onboarding.reviewedCustomerWithCard("Second admin", secondAdminEmail,
                "oauth-test-password", "123456", 0).customerId();
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        long org = approvedOrganisation(admin, clerk, run, "1");
        long pending = organisations.apply(admin, "ENTERPRISE", "Pending apps Ltd", creditCode(run, "2"), "Admin",
                "admin@example.com", "+86 21 5555 0002").id();
        var asMember = organisations.invite(admin, org, onboardingEmail(member), "MEMBER", null);
        organisations.accept(member, asMember.token());
        var asAdmin = organisations.invite(admin, org, secondAdminEmail, "ORG_ADMIN", null);
        organisations.accept(secondAdmin, asAdmin.token());

        assertThat(platform.organisationsFor(admin)).extracting(OpenPlatform.OrganisationChoice::id)
                .contains(org).doesNotContain(pending);
        assertThat(platform.organisationsFor(member)).isEmpty();
        assertThat(platform.organisationsFor(outsider)).isEmpty();

        // only an administrator of an approved organisation registers for it; refusals create nothing
        assertThatThrownBy(() -> platform.register(member, orgApp(org))).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> platform.register(outsider, orgApp(org))).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).problemType()).isEqualTo("organisation-not-found"));
        assertThatThrownBy(() -> platform.register(admin, orgApp(pending))).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).problemType()).isEqualTo("organisation-not-approved"));
        assertThat(appsOfOrganisations(org, pending)).isZero();

        OpenPlatform.Registered registered = platform.register(admin, orgApp(org));
        ClientView app = registered.app();
        assertThat(app.organisationId()).isEqualTo(org);
        assertThat(app.ownerName()).isEqualTo(app.organisationName()).isEqualTo("Org apps " + run.substring(0, 8));
        assertThat(provider.client(app.clientId()).orElseThrow().ownerName()).isEqualTo(app.organisationName());
        assertThat(appsOfOrganisations(org, pending)).isEqualTo(1);

        // every current administrator manages it; a member and an outsider do not even see it
        assertThat(platform.appsOf(secondAdmin)).extracting(ClientView::id).contains(app.id());
        String rotated = platform.rotateSecret(secondAdmin, app.id());
        assertThat(provider.authenticate(app.clientId(), rotated)).isPresent();
        for (long stranger : new long[] {member, outsider}) {
            assertThat(platform.appsOf(stranger)).extracting(ClientView::id).doesNotContain(app.id());
            assertThatThrownBy(() -> platform.app(stranger, app.id())).isInstanceOf(ClientNotFoundException.class);
            assertThatThrownBy(() -> platform.update(stranger, app.id(), orgApp(org)))
                    .isInstanceOf(ClientNotFoundException.class);
            assertThatThrownBy(() -> platform.rotateSecret(stranger, app.id()))
                    .isInstanceOf(ClientNotFoundException.class);
            assertThatThrownBy(() -> platform.delete(stranger, app.id())).isInstanceOf(ClientNotFoundException.class);
        }
        assertThat(provider.authenticate(app.clientId(), rotated)).as("nothing changed by the refusals").isPresent();

        // the app belongs to the organisation: its registrant loses it with the role, the other admin keeps it
        long adminMembership = organisations.members(secondAdmin, org).stream()
                .filter(m -> Long.valueOf(admin).equals(m.customerId())).findFirst().orElseThrow().id();
        organisations.changeMember(secondAdmin, org, adminMembership, "MEMBER", null);
        assertThatThrownBy(() -> platform.app(admin, app.id())).isInstanceOf(ClientNotFoundException.class);
        assertThat(platform.appsOf(admin)).extracting(ClientView::id).doesNotContain(app.id());
        assertThat(platform.app(secondAdmin, app.id()).name()).isEqualTo("Org app");
        platform.delete(secondAdmin, app.id());
        assertThat(provider.client(app.clientId())).isEmpty();
    }

    private long approvedOrganisation(long admin, long clerk, String run, String salt) {
        long org = organisations.apply(admin, "ENTERPRISE", "Org apps " + run.substring(0, 8), creditCode(run, salt),
                "Admin", "admin@example.com", "+86 21 5555 0001").id();
        organisations.addDocument(admin, org, "licence.pdf", "%PDF-1.4\n%%EOF\n".getBytes());
        organisations.approve(clerk, org);
        return org;
    }

    /** A valid unified social credit code of an enterprise, unique per run and salt. */
    private static String creditCode(String run, String salt) {
        String first17 = "91" + "310000" + "MA" + (salt + run.replaceAll("[^0-9]", "") + "0000000").substring(0, 7);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private String onboardingEmail(long customerId) {
        return customers.find(customerId).orElseThrow().email();
    }

    private static AppForm orgApp(long organisationId) {
        return new AppForm("Org app", null, REDIRECT, null, Set.of("openid", "email"), true, false, organisationId,
                null, null);
    }

    private static long appsOfOrganisations(long... organisationIds) {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM oauth_client WHERE organisation_id IN (?, ?) AND deleted_at IS NULL")) {
            s.setLong(1, organisationIds[0]);
            s.setLong(2, organisationIds[1]);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long adminId() {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE email = ?")) {
            s.setString(1, "admin@bank.triad.example");
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    private static Timestamp usedAt(String code) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT used_at FROM oauth_code WHERE code_hash = ?")) {
            s.setString(1, Hashes.sha256Hex(code));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getTimestamp(1);
            }
        }
    }
}
