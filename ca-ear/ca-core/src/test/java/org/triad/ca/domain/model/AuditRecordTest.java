package org.triad.ca.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.audit.AuditRecord;

class AuditRecordTest {

    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456789Z");

    @Test
    void theHashCoversEveryFieldAndThePredecessor() {
        AuditRecord r = new AuditRecord(7, AT, "ca-admin", AuditAction.CERTIFICATE_REVOKED, "serial 1f",
                AuditOutcome.SUCCESS, "keyCompromise", AuditRecord.GENESIS_HASH);
        assertThat(r.hash()).hasSize(64).isEqualTo(r.computeHash());
        assertThat(r.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));

        assertThat(new AuditRecord(7, AT, "ca-admin", AuditAction.CERTIFICATE_REVOKED, "serial 1f",
                AuditOutcome.SUCCESS, "superseded", AuditRecord.GENESIS_HASH).hash()).isNotEqualTo(r.hash());
        assertThat(new AuditRecord(7, AT, "someone", AuditAction.CERTIFICATE_REVOKED, "serial 1f",
                AuditOutcome.SUCCESS, "keyCompromise", AuditRecord.GENESIS_HASH).hash()).isNotEqualTo(r.hash());
        assertThat(new AuditRecord(8, AT, "ca-admin", AuditAction.CERTIFICATE_REVOKED, "serial 1f",
                AuditOutcome.SUCCESS, "keyCompromise", AuditRecord.GENESIS_HASH).hash()).isNotEqualTo(r.hash());
        assertThat(new AuditRecord(7, AT, "ca-admin", AuditAction.CERTIFICATE_REVOKED, "serial 1f",
                AuditOutcome.SUCCESS, "keyCompromise", r.hash()).hash()).isNotEqualTo(r.hash());
    }

    @Test
    void aLongDetailIsTruncatedToTheColumnBeforeHashing() {
        AuditRecord r = new AuditRecord(1, AT, "a", AuditAction.LOGIN, null, AuditOutcome.FAILURE, "x".repeat(5000),
                AuditRecord.GENESIS_HASH);
        assertThat(r.detail()).hasSize(2000);
        assertThat(r.hash()).isEqualTo(r.computeHash());
    }
}
