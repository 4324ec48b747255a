package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.identity.SigningKeyRotation;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.shared.NotPermittedException;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * Rotation of the JWT signing keys inside the server, against the real database: a young key is kept; when the
 * period is over (the key's row aged in the database) the next key is published while the old one still signs, then
 * (its activation time moved into the past) it signs and the old one is retired but still published; only an
 * administrator rotates by hand; every step is audited.
 */
@ExtendWith(ArquillianExtension.class)
class SigningKeyRotationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", SigningKeyRotationIT.class);
    }

    @Inject
    SigningKeyRotation rotation;

    @Inject
    SigningKeys keys;

    @Inject
    Onboarding onboarding;

    @Inject
    CustomerRepository customers;

    @Test
    void theNextKeyIsPublishedBeforeItSignsThenReplacesTheOldOneWhichStaysPublished() throws SQLException {
        assertThat(rotation.rotationDays()).isEqualTo(30);
        String before = keys.currentKeyId();
        assertThat(rotation.rotateIfDue().isNone()).as("the current key is young").isTrue();
        assertThat(keys.currentKeyId()).isEqualTo(before);

        // the period is over: the next key is published, the current one still signs
        age(before, Duration.ofDays(31));
        SigningKeys.Step published = rotation.rotateIfDue();
        String next = published.published();
        assertThat(next).isNotNull().isNotEqualTo(before);
        assertThat(published.activated()).isNull();
        assertThat(keys.currentKeyId()).isEqualTo(before);
        assertThat(keys.publicKeys().getKeyByKeyId(next)).as("published ahead of use").isNotNull();
        assertThat(rotation.keys()).filteredOn(k -> k.kid().equals(next)).singleElement()
                .satisfies(k -> assertThat(k.pending()).isTrue())
                .satisfies(k -> assertThat(k.activatesAt()).isAfterOrEqualTo(Instant.now()
                        .plus(SigningKeys.MIN_PUBLISHED_BEFORE_USE).minusSeconds(5)));
        assertThat(rotation.rotateIfDue().isNone()).as("a successor waits: nothing more").isTrue();

        // its time has come: it signs, the old key is retired and stays published
        activateNow(next);
        SigningKeys.Step activated = rotation.rotateIfDue();
        assertThat(activated.activated()).isEqualTo(next);
        assertThat(keys.currentKeyId()).isEqualTo(next);
        assertThat(keys.publicKeys().getKeyByKeyId(before)).as("the old key verifies tokens until they expire")
                .isNotNull();
        assertThat(rotation.rotateIfDue().isNone()).isTrue();
        assertThat(audited("SIGNING_KEY_PUBLISHED", next)).isEqualTo(1);
        assertThat(audited("SIGNING_KEY_ROTATED", next)).isEqualTo(1);
        assertThat(rotation.keys()).filteredOn(SigningKeys.KeyInfo::current).extracting(SigningKeys.KeyInfo::kid)
                .containsExactly(next);
        assertThat(rotation.keys()).filteredOn(k -> k.kid().equals(before)).singleElement()
                .satisfies(k -> assertThat(k.published()).isTrue())
                .satisfies(k -> assertThat(k.retiredAt()).isNotNull());
    }

    @Test
    void onlyAnAdministratorRotatesByHand() throws SQLException {
        long customer = onboarding.reviewedCustomerWithCard("Keys", "keys-" + UUID.randomUUID() + "@example.com",
                "keys-test-password", "123456", 0).customerId();
        long clerk = customers.findByLogin("clerk").orElseThrow().id();
        String before = keys.currentKeyId();
        for (long notAdmin : new long[] {customer, clerk}) {
            assertThatThrownBy(() -> rotation.rotateNow(notAdmin)).isInstanceOf(NotPermittedException.class);
        }
        assertThat(keys.currentKeyId()).isEqualTo(before);

        long admin = customers.findByLogin("admin").orElseThrow().id();
        String rotated = rotation.rotateNow(admin);
        assertThat(rotated).isNotEqualTo(before);
        assertThat(keys.currentKeyId()).isEqualTo(rotated);
        assertThat(audited("SIGNING_KEY_ROTATED", rotated)).isEqualTo(1);
    }

    private static void age(String kid, Duration by) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE signing_key SET created_at = ? WHERE kid = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
            s.setString(2, kid);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void activateNow(String kid) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE signing_key SET activates_at = ? WHERE kid = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            s.setString(2, kid);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static long audited(String action, String kid) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?")) {
            s.setString(1, action);
            s.setString(2, "kid:" + kid);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
