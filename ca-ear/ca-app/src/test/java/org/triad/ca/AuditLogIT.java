package org.triad.ca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.ca.application.AuditLog;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.audit.ChainVerification;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;

/** In the server: the audit hash chain notices an edited row and a row removed from the end. */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Inject
    AuditLog audit;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("ca", AuditLogIT.class);
    }

    @Test
    void anEditedRecordBreaksTheChainAndRestoringItMendsIt() throws Exception {
        audit.recordInOwnTransaction("audit-it", AuditAction.CONFIGURATION_CHANGED, "probe", AuditOutcome.SUCCESS, "one");
        long seq = audit.recordInOwnTransaction("audit-it", AuditAction.CONFIGURATION_CHANGED, "probe",
                AuditOutcome.SUCCESS, "two").seq();
        audit.recordInOwnTransaction("audit-it", AuditAction.CONFIGURATION_CHANGED, "probe", AuditOutcome.SUCCESS, "three");
        assertThat(audit.verifyChain().intact()).isTrue();

        String original = detail(seq);
        update(seq, "two, edited by someone with database access");
        try {
            ChainVerification broken = audit.verifyChain();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problems()).anySatisfy(p -> assertThat(p).contains("record " + seq + " was altered"));
        } finally {
            update(seq, original);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void aRecordDeletedFromTheEndIsNoticed() throws Exception {
        long seq = audit.recordInOwnTransaction("audit-it", AuditAction.CONFIGURATION_CHANGED, "probe",
                AuditOutcome.SUCCESS, "last").seq();
        String[] row = readRow(seq);
        java.sql.Timestamp occurredAt = occurredAt(seq);
        try (Connection c = TriadDataSource.lookup().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_record WHERE seq = " + seq);
        }
        try {
            ChainVerification broken = audit.verifyChain();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problems()).anySatisfy(p -> assertThat(p).contains("removed from the end"));
        } finally {
            try (Connection c = TriadDataSource.lookup().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_record (seq, occurred_at, actor, action, subject, outcome, detail, prev_hash, hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setTimestamp(2, occurredAt);
                for (int i = 0; i < 7; i++) {
                    ps.setString(i + 3, row[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    private static java.sql.Timestamp occurredAt(long seq) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT occurred_at FROM audit_record WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1);
            }
        }
    }

    private static String detail(long seq) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT detail FROM audit_record WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String[] readRow(long seq) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT actor, action, subject, outcome, detail, prev_hash, hash FROM audit_record WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String[] row = new String[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = rs.getString(i + 1);
                }
                return row;
            }
        }
    }

    private static void update(long seq, String detail) throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_record SET detail = ? WHERE seq = ?")) {
            ps.setString(1, detail);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
