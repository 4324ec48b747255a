-- Shop users (signed in with the bank or local), card bindings, the audit trail, categories and items.
-- Portable: H2 2.2 (MySQL mode) and MariaDB 10.11 / MySQL 8. Keys are assigned by the application (Ids).
-- Money is an exact amount of minor units (fen) in BIGINT with its currency; times are UTC instants.

CREATE TABLE shop_user (
    id                  BIGINT        NOT NULL,
    -- the bank's subject (its customer id) once the user signed in with the bank; never reused for another user
    bank_subject        VARCHAR(64),
    login_name          VARCHAR(64),
    email               VARCHAR(254),
    nickname            VARCHAR(64)   NOT NULL,
    password_hash       VARCHAR(255),
    failed_logins       INT           NOT NULL,
    locked_until        DATETIME(6),
    shop_admin          BOOLEAN       NOT NULL,
    seller_since        DATETIME(6),
    seller_terms_version VARCHAR(16),
    banned_at           DATETIME(6),
    ban_reason          VARCHAR(500),
    created_at          DATETIME(6)   NOT NULL,
    last_sign_in_at     DATETIME(6),
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_shop_user PRIMARY KEY (id),
    CONSTRAINT uq_shop_user_bank UNIQUE (bank_subject),
    CONSTRAINT uq_shop_user_login UNIQUE (login_name)
);

-- The card a user picked from the bank's list: only the bank's opaque per-app reference and the masked number it
-- showed, never a card number. purpose PAYOUT (sellers) or PAYMENT (the card suggested at checkout).
CREATE TABLE card_binding (
    id             BIGINT        NOT NULL,
    user_id        BIGINT        NOT NULL,
    purpose        VARCHAR(16)   NOT NULL,
    card_ref       VARCHAR(200)  NOT NULL,
    masked_number  VARCHAR(32)   NOT NULL,
    nickname       VARCHAR(100),
    bound_at       DATETIME(6)   NOT NULL,
    lost_at        DATETIME(6),
    CONSTRAINT pk_card_binding PRIMARY KEY (id),
    CONSTRAINT uq_card_binding UNIQUE (user_id, purpose),
    CONSTRAINT fk_card_binding_user FOREIGN KEY (user_id) REFERENCES shop_user (id)
);

CREATE TABLE shop_audit (
    id         BIGINT        NOT NULL,
    at         DATETIME(6)   NOT NULL,
    actor_id   BIGINT,
    action     VARCHAR(48)   NOT NULL,
    subject    VARCHAR(100)  NOT NULL,
    detail     VARCHAR(1000),
    CONSTRAINT pk_shop_audit PRIMARY KEY (id)
);
CREATE INDEX ix_shop_audit_subject ON shop_audit (subject, at);

CREATE TABLE category (
    id         BIGINT        NOT NULL,
    parent_id  BIGINT,
    slug       VARCHAR(64)   NOT NULL,
    name_en    VARCHAR(100)  NOT NULL,
    name_zh    VARCHAR(100)  NOT NULL,
    position   INT           NOT NULL,
    CONSTRAINT pk_category PRIMARY KEY (id),
    CONSTRAINT uq_category_slug UNIQUE (slug),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
);

-- An item has the seller's working copy (draft_*) and, once approved, the published copy (pub_*) that buyers see:
-- editing an approved item changes the working copy only and sends it to review; the old version stays on sale.
CREATE TABLE item (
    id               BIGINT         NOT NULL,
    seller_id        BIGINT         NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    on_sale          BOOLEAN        NOT NULL,
    stock            INT            NOT NULL,
    draft_title      VARCHAR(120)   NOT NULL,
    draft_description TEXT          NOT NULL,
    draft_category_id BIGINT        NOT NULL,
    draft_price_minor BIGINT        NOT NULL,
    draft_options    VARCHAR(1000)  NOT NULL,
    pub_title        VARCHAR(120),
    pub_description  TEXT,
    pub_category_id  BIGINT,
    pub_price_minor  BIGINT,
    pub_options      VARCHAR(1000),
    currency         VARCHAR(3)     NOT NULL,
    reject_reason    VARCHAR(500),
    submitted_at     DATETIME(6),
    reviewed_at      DATETIME(6),
    reviewed_by      BIGINT,
    published_at     DATETIME(6),
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT pk_item PRIMARY KEY (id),
    CONSTRAINT fk_item_seller FOREIGN KEY (seller_id) REFERENCES shop_user (id),
    CONSTRAINT fk_item_draft_category FOREIGN KEY (draft_category_id) REFERENCES category (id),
    CONSTRAINT ck_item_stock CHECK (stock >= 0),
    CONSTRAINT ck_item_price CHECK (draft_price_minor > 0)
);
CREATE INDEX ix_item_seller ON item (seller_id, updated_at);
CREATE INDEX ix_item_status ON item (status, submitted_at);
CREATE INDEX ix_item_catalogue ON item (on_sale, pub_category_id, published_at);

INSERT INTO category (id, parent_id, slug, name_en, name_zh, position) VALUES
    (1, NULL, 'clothing', 'Clothing', '服装', 1),
    (2, 1, 'clothing-tops', 'Tops', '上衣', 1),
    (3, 1, 'clothing-shoes', 'Shoes', '鞋', 2),
    (4, NULL, 'electronics', 'Electronics', '数码', 2),
    (5, 4, 'electronics-phones', 'Phones', '手机', 1),
    (6, NULL, 'home', 'Home and kitchen', '家居厨房', 3),
    (7, 6, 'home-tea', 'Tea and tea ware', '茶与茶具', 1),
    (8, NULL, 'books', 'Books', '图书', 4);
