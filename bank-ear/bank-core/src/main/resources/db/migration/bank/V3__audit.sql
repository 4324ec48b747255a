-- Audit trail of security-relevant actions: sign-ins (and failures), code requests, money movements, clerk
-- decisions. Written in the same transaction as the action it records.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    actor_id    BIGINT,
    action      VARCHAR(48)  NOT NULL,
    subject     VARCHAR(100),
    detail      VARCHAR(500),
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, occurred_at);
