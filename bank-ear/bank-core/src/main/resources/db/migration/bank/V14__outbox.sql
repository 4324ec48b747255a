-- Payment rail: the durable outbox. Everything the bank sends after a commit (merchant notifications, e-mails,
-- back-channel logout tokens) is first a row here, written in the same transaction as the change it reports; the
-- relay claims a due row with a lease (conditional UPDATE, so two instances never send one row at the same time),
-- sends it and records the attempt. event_id is the merchant notification's id (unique; NULL for other kinds).
CREATE TABLE outbox_message (
    id              BIGINT        NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    destination     VARCHAR(1000) NOT NULL,
    event_id        VARCHAR(100),
    event_type      VARCHAR(64),
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6),
    lease_owner     VARCHAR(64),
    lease_until     DATETIME(6),
    delivered_at    DATETIME(6),
    last_error      VARCHAR(500),
    CONSTRAINT pk_outbox_message PRIMARY KEY (id),
    CONSTRAINT uq_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_created ON outbox_message (created_at);

-- One row per delivery attempt: when, how long, the HTTP status (or SMTP 250) or the error.
CREATE TABLE outbox_attempt (
    id          BIGINT       NOT NULL,
    message_id  BIGINT       NOT NULL,
    attempt_no  INT          NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    duration_ms BIGINT       NOT NULL,
    http_status INT,
    error       VARCHAR(500),
    relay       VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_outbox_attempt PRIMARY KEY (id),
    CONSTRAINT fk_outbox_attempt_message FOREIGN KEY (message_id) REFERENCES outbox_message (id)
);
CREATE INDEX ix_outbox_attempt_message ON outbox_attempt (message_id, attempt_no);
