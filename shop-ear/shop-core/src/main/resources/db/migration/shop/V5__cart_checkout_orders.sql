-- Carts, checkouts, orders (one per seller of a checkout), their timelines, refund requests and the bank's payment
-- events the shop has applied. Money in minor units (fen) in BIGINT; times UTC. Stock is reserved by the checkout
-- with a conditional UPDATE of item.stock and given back exactly once when its orders end unpaid.

-- A cart line of a signed-in user (owner 'u:<user id>') or of an anonymous visitor (owner 'a:<random token kept in
-- a cookie>'), with the price the buyer last saw (a change is pointed out on the next view).
CREATE TABLE cart_line (
    id                BIGINT        NOT NULL,
    owner             VARCHAR(64)   NOT NULL,
    item_id           BIGINT        NOT NULL,
    options           VARCHAR(200)  NOT NULL,
    quantity          INT           NOT NULL,
    seen_price_minor  BIGINT        NOT NULL,
    added_at          DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cart_line PRIMARY KEY (id),
    CONSTRAINT uq_cart_line UNIQUE (owner, item_id, options),
    CONSTRAINT fk_cart_line_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT ck_cart_line_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_cart_line_updated ON cart_line (updated_at);

-- One checkout: the buyer's contact and address, the bank payment that pays all its orders, the stock hold.
CREATE TABLE checkout (
    id                BIGINT        NOT NULL,
    buyer_id          BIGINT        NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    total_minor       BIGINT        NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    contact_name      VARCHAR(64)   NOT NULL,
    phone             VARCHAR(32)   NOT NULL,
    address           VARCHAR(300)  NOT NULL,
    payment_id        VARCHAR(64),
    cashier_url       VARCHAR(500),
    -- the sequence of the last bank payment state applied (events at or below it are stale)
    payment_sequence  BIGINT        NOT NULL,
    hold_until        DATETIME(6)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    settled_at        DATETIME(6),
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_checkout PRIMARY KEY (id),
    CONSTRAINT uq_checkout_payment UNIQUE (payment_id),
    CONSTRAINT fk_checkout_buyer FOREIGN KEY (buyer_id) REFERENCES shop_user (id),
    CONSTRAINT ck_checkout_total CHECK (total_minor > 0)
);
CREATE INDEX ix_checkout_open ON checkout (status, hold_until);
CREATE INDEX ix_checkout_buyer ON checkout (buyer_id, created_at);

CREATE TABLE shop_order (
    id                BIGINT        NOT NULL,
    checkout_id       BIGINT        NOT NULL,
    buyer_id          BIGINT        NOT NULL,
    seller_id         BIGINT        NOT NULL,
    status            VARCHAR(24)   NOT NULL,
    total_minor       BIGINT        NOT NULL,
    refunded_minor    BIGINT        NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    payee_card_ref    VARCHAR(200)  NOT NULL,
    carrier           VARCHAR(64),
    tracking_number   VARCHAR(64),
    created_at        DATETIME(6)   NOT NULL,
    paid_at           DATETIME(6),
    shipped_at        DATETIME(6),
    completed_at      DATETIME(6),
    closed_at         DATETIME(6),
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_shop_order PRIMARY KEY (id),
    CONSTRAINT fk_shop_order_checkout FOREIGN KEY (checkout_id) REFERENCES checkout (id),
    CONSTRAINT fk_shop_order_buyer FOREIGN KEY (buyer_id) REFERENCES shop_user (id),
    CONSTRAINT fk_shop_order_seller FOREIGN KEY (seller_id) REFERENCES shop_user (id),
    CONSTRAINT ck_shop_order_money CHECK (total_minor > 0 AND refunded_minor >= 0 AND refunded_minor <= total_minor)
);
CREATE INDEX ix_shop_order_buyer ON shop_order (buyer_id, created_at);
CREATE INDEX ix_shop_order_seller ON shop_order (seller_id, status, created_at);
CREATE INDEX ix_shop_order_checkout ON shop_order (checkout_id);
CREATE INDEX ix_shop_order_status ON shop_order (status, shipped_at);
CREATE INDEX ix_shop_order_updated ON shop_order (updated_at);

CREATE TABLE order_line (
    id                BIGINT        NOT NULL,
    order_id          BIGINT        NOT NULL,
    position          INT           NOT NULL,
    item_id           BIGINT        NOT NULL,
    title             VARCHAR(120)  NOT NULL,
    options           VARCHAR(200)  NOT NULL,
    unit_price_minor  BIGINT        NOT NULL,
    quantity          INT           NOT NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (id),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    CONSTRAINT fk_order_line_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT ck_order_line CHECK (quantity > 0 AND unit_price_minor > 0)
);
CREATE INDEX ix_order_line_order ON order_line (order_id, position);

-- The order's timeline: every state it entered, who or what moved it there, and a note.
CREATE TABLE order_event (
    id                BIGINT        NOT NULL,
    order_id          BIGINT        NOT NULL,
    at                DATETIME(6)   NOT NULL,
    status            VARCHAR(24)   NOT NULL,
    actor_id          BIGINT,
    note              VARCHAR(500),
    CONSTRAINT pk_order_event PRIMARY KEY (id),
    CONSTRAINT fk_order_event_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
);
CREATE INDEX ix_order_event_order ON order_event (order_id, at);

CREATE TABLE refund_request (
    id                BIGINT        NOT NULL,
    order_id          BIGINT        NOT NULL,
    amount_minor      BIGINT        NOT NULL,
    reason            VARCHAR(500)  NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    -- the order's state before the request, to go back to when it is refused
    order_status_before VARCHAR(24) NOT NULL,
    decided_by        BIGINT,
    decision_note     VARCHAR(500),
    bank_refund_id    VARCHAR(64),
    failure           VARCHAR(500),
    created_at        DATETIME(6)   NOT NULL,
    decided_at        DATETIME(6),
    refunded_at       DATETIME(6),
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_refund_request PRIMARY KEY (id),
    CONSTRAINT fk_refund_request_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    CONSTRAINT ck_refund_request_amount CHECK (amount_minor > 0)
);
CREATE INDEX ix_refund_request_order ON refund_request (order_id, created_at);
CREATE INDEX ix_refund_request_status ON refund_request (status, created_at);

-- Every bank event the notify endpoint accepted, by the bank's event id: a duplicate is dropped by the primary key.
CREATE TABLE bank_event (
    event_id          VARCHAR(100)  NOT NULL,
    payment_id        VARCHAR(64)   NOT NULL,
    type              VARCHAR(40)   NOT NULL,
    sequence          BIGINT        NOT NULL,
    received_at       DATETIME(6)   NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    CONSTRAINT pk_bank_event PRIMARY KEY (event_id)
);
CREATE INDEX ix_bank_event_payment ON bank_event (payment_id, sequence);
