package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.login.QrLogin;
import org.triad.bank.domain.model.login.QrSceneException;
import org.triad.bank.domain.model.login.QrSceneStatus;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/**
 * Expired QR login scenes, in the container of the deployed bank.ear: scenes are created through the real service,
 * then their expiry is moved into the past in the database (no waiting), and neither a confirmation nor a
 * consumption is accepted any more.
 */
@ExtendWith(ArquillianExtension.class)
class QrSceneExpiryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", QrSceneExpiryIT.class);
    }

    @Inject
    QrLogin qrLogin;

    @Test
    void anExpiredSceneCanNeitherBeConfirmedNorUsed() throws Exception {
        String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        String pending = qrLogin.create(secret, "ExpiryIT", "127.0.0.1").sceneId();
        String confirmed = qrLogin.create(secret, "ExpiryIT", "127.0.0.1").sceneId();
        long alice = customerId("alice@example.com");
        qrLogin.confirm(confirmed, alice);
        assertThat(qrLogin.status(pending)).isEqualTo(QrSceneStatus.PENDING);
        assertThat(qrLogin.status(confirmed)).isEqualTo(QrSceneStatus.CONFIRMED);

        expire(pending);
        expire(confirmed);

        assertThat(qrLogin.status(pending)).isEqualTo(QrSceneStatus.EXPIRED);
        assertThatThrownBy(() -> qrLogin.confirm(pending, alice))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("expired"));
        assertThat(qrLogin.status(confirmed)).isEqualTo(QrSceneStatus.EXPIRED);
        assertThatThrownBy(() -> qrLogin.consume(confirmed, secret))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("expired"));
        // refusing changed nothing
        assertThat(qrLogin.status(confirmed)).isEqualTo(QrSceneStatus.EXPIRED);
    }

    private static void expire(String scene) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE qr_login_scene SET expires_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            ps.setString(2, scene);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static long customerId(String email) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM customer WHERE email = ?")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
