-- Payment rail (payment-rail issue): merchants, per-app card references, payments with one line per payee,
-- refunds with one line per refunded payment line. Money columns are DECIMAL(19,2); every money movement of a
-- payment or refund is a journal entry (PAYMENT/REFUND) written in the same transaction as the state change.

-- A merchant is an approved confidential app of the open platform with the payments scope, plus this profile.
CREATE TABLE merchant (
    id                  BIGINT        NOT NULL,
    client_id           VARCHAR(64)   NOT NULL,
    display_name        VARCHAR(100)  NOT NULL,
    settlement_card_id  BIGINT        NOT NULL,
    notify_url          VARCHAR(1000) NOT NULL,
    return_url_prefixes VARCHAR(4000) NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    review_reason       VARCHAR(500),
    reviewed_by         BIGINT,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_merchant PRIMARY KEY (id),
    CONSTRAINT uq_merchant_client UNIQUE (client_id),
    CONSTRAINT fk_merchant_settlement_card FOREIGN KEY (settlement_card_id) REFERENCES card (id)
);

-- An opaque reference to a customer's card, one per (app, card): what an app with cards:read sees and sends as a
-- payee. A reference of one app means nothing to another.
CREATE TABLE card_reference (
    id         BIGINT       NOT NULL,
    client_id  VARCHAR(64)  NOT NULL,
    card_id    BIGINT       NOT NULL,
    ref        VARCHAR(64)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_card_reference PRIMARY KEY (id),
    CONSTRAINT uq_card_reference_ref UNIQUE (ref),
    CONSTRAINT uq_card_reference_app_card UNIQUE (client_id, card_id),
    CONSTRAINT fk_card_reference_card FOREIGN KEY (card_id) REFERENCES card (id)
);

CREATE TABLE payment (
    id               BIGINT        NOT NULL,
    public_id        VARCHAR(40)   NOT NULL,
    merchant_id      BIGINT        NOT NULL,
    status           VARCHAR(24)   NOT NULL,
    total            DECIMAL(19,2) NOT NULL,
    refunded         DECIMAL(19,2) NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    buyer_id         BIGINT,
    payer_id         BIGINT,
    payer_card_id    BIGINT,
    return_url       VARCHAR(1000) NOT NULL,
    metadata         VARCHAR(2000),
    idempotency_key  VARCHAR(100)  NOT NULL,
    request_hash     VARCHAR(64)   NOT NULL,
    entry_id         BIGINT,
    event_sequence   BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    closed_at        DATETIME(6),
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT uq_payment_public_id UNIQUE (public_id),
    -- the final guard of idempotent creation: one payment per merchant and key
    CONSTRAINT uq_payment_idempotency UNIQUE (merchant_id, idempotency_key),
    CONSTRAINT fk_payment_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_payment_refunded CHECK (refunded >= 0 AND refunded <= total)
);
CREATE INDEX ix_payment_due ON payment (status, expires_at);
CREATE INDEX ix_payment_merchant_created ON payment (merchant_id, created_at);

CREATE TABLE payment_line (
    id                BIGINT        NOT NULL,
    payment_id        BIGINT        NOT NULL,
    line_no           INT           NOT NULL,
    payee_card_id     BIGINT        NOT NULL,
    card_ref          VARCHAR(64),
    amount            DECIMAL(19,2) NOT NULL,
    refunded          DECIMAL(19,2) NOT NULL,
    merchant_order_id VARCHAR(64)   NOT NULL,
    description       VARCHAR(200),
    CONSTRAINT pk_payment_line PRIMARY KEY (id),
    CONSTRAINT uq_payment_line_order UNIQUE (payment_id, merchant_order_id),
    CONSTRAINT fk_payment_line_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_payment_line_card FOREIGN KEY (payee_card_id) REFERENCES card (id),
    CONSTRAINT ck_payment_line_refunded CHECK (refunded >= 0 AND refunded <= amount)
);
CREATE INDEX ix_payment_line_order ON payment_line (merchant_order_id);

CREATE TABLE refund (
    id              BIGINT        NOT NULL,
    public_id       VARCHAR(40)   NOT NULL,
    payment_id      BIGINT        NOT NULL,
    amount          DECIMAL(19,2) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    entry_id        BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT uq_refund_public_id UNIQUE (public_id),
    CONSTRAINT uq_refund_idempotency UNIQUE (payment_id, idempotency_key),
    CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
);

CREATE TABLE refund_line (
    id              BIGINT        NOT NULL,
    refund_id       BIGINT        NOT NULL,
    payment_line_id BIGINT        NOT NULL,
    amount          DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_refund_line PRIMARY KEY (id),
    CONSTRAINT fk_refund_line_refund FOREIGN KEY (refund_id) REFERENCES refund (id),
    CONSTRAINT fk_refund_line_payment_line FOREIGN KEY (payment_line_id) REFERENCES payment_line (id)
);

-- The journal entry of a payment or refund names what it settles.
ALTER TABLE journal_entry ADD COLUMN reference VARCHAR(40);
