-- Customers, one-time codes, login sessions, cards and the double-entry ledger.
-- Portable: H2 2.2 (MySQL mode) and MariaDB 10.11 / MySQL 8. Keys are assigned by the application (see Ids).
-- Money is DECIMAL(19,2) in CNY; times are UTC instants.

CREATE TABLE customer (
    id                BIGINT        NOT NULL,
    email             VARCHAR(254)  NOT NULL,
    nickname          VARCHAR(64)   NOT NULL,
    role              VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    kyc_status        VARCHAR(16)   NOT NULL,
    kyc_reason        VARCHAR(500),
    kyc_reviewed_by   BIGINT,
    password_hash     VARCHAR(255)  NOT NULL,
    pay_password_hash VARCHAR(255),
    failed_logins     INT           NOT NULL,
    locked_until      DATETIME(6),
    created_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_customer PRIMARY KEY (id),
    CONSTRAINT uq_customer_email UNIQUE (email)
);
CREATE INDEX ix_customer_kyc ON customer (kyc_status, created_at);

CREATE TABLE login_session (
    id           BIGINT       NOT NULL,
    customer_id  BIGINT       NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    user_agent   VARCHAR(500),
    ip_address   VARCHAR(64),
    created_at   DATETIME(6)  NOT NULL,
    last_seen_at DATETIME(6)  NOT NULL,
    revoked_at   DATETIME(6),
    CONSTRAINT pk_login_session PRIMARY KEY (id),
    CONSTRAINT uq_login_session_token UNIQUE (token_hash),
    CONSTRAINT fk_login_session_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE one_time_code (
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    purpose     VARCHAR(32)  NOT NULL,
    subject     VARCHAR(64)  NOT NULL,
    code_hash   VARCHAR(255) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    attempts    INT          NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT pk_one_time_code PRIMARY KEY (id),
    CONSTRAINT fk_one_time_code_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_one_time_code_lookup ON one_time_code (customer_id, purpose, subject, created_at);

CREATE TABLE card (
    id           BIGINT        NOT NULL,
    number       VARCHAR(19)   NOT NULL,
    owner_id     BIGINT        NOT NULL,
    status       VARCHAR(24)   NOT NULL,
    balance      DECIMAL(19,2) NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    activated_at DATETIME(6),
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_card PRIMARY KEY (id),
    CONSTRAINT uq_card_number UNIQUE (number),
    CONSTRAINT fk_card_owner FOREIGN KEY (owner_id) REFERENCES customer (id),
    CONSTRAINT ck_card_balance CHECK (balance >= 0)
);
CREATE INDEX ix_card_owner ON card (owner_id);

CREATE TABLE journal_entry (
    id              BIGINT        NOT NULL,
    type            VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    initiator_id    BIGINT        NOT NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    amount          DECIMAL(19,2) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_journal_entry PRIMARY KEY (id),
    -- the final guard of idempotency: two concurrent identical requests cannot both insert
    CONSTRAINT uq_journal_entry_idempotency UNIQUE (initiator_id, idempotency_key),
    CONSTRAINT fk_journal_entry_initiator FOREIGN KEY (initiator_id) REFERENCES customer (id)
);
CREATE INDEX ix_journal_entry_created ON journal_entry (created_at);

CREATE TABLE posting (
    id            BIGINT        NOT NULL,
    entry_id      BIGINT        NOT NULL,
    account       VARCHAR(16)   NOT NULL,
    card_id       BIGINT,
    amount        DECIMAL(19,2) NOT NULL,
    balance_after DECIMAL(19,2),
    CONSTRAINT pk_posting PRIMARY KEY (id),
    CONSTRAINT fk_posting_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id),
    CONSTRAINT fk_posting_card FOREIGN KEY (card_id) REFERENCES card (id)
);
CREATE INDEX ix_posting_card ON posting (card_id, entry_id);
