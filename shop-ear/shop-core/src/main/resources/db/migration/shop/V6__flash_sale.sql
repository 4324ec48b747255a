-- Flash sales: a shop admin puts N units of an item on sale at a price for a time window, one unit per buyer.
-- The units are taken from the item's stock when the sale is scheduled (a conditional UPDATE), so ordinary buyers
-- can never buy them; flash_sale.remaining is the pool of units not yet claimed, decremented by a conditional UPDATE
-- (remaining > 0) in the transaction that inserts the buyer's claim. The database is the system of record; the
-- servers only remember for a moment that a sale is sold out. Unclaimed units go back to the item when the sale ends.

CREATE TABLE flash_sale (
    id                  BIGINT        NOT NULL,
    item_id             BIGINT        NOT NULL,
    price_minor         BIGINT        NOT NULL,
    units               INT           NOT NULL,
    remaining           INT           NOT NULL,
    starts_at           DATETIME(6)   NOT NULL,
    ends_at             DATETIME(6)   NOT NULL,
    -- how long a winner has to check out before the unit goes back to the pool
    claim_hold_seconds  INT           NOT NULL,
    -- SCHEDULED (before and during the window), CLOSED (ended; leftovers back in the item's stock), CANCELLED
    status              VARCHAR(16)   NOT NULL,
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    closed_at           DATETIME(6),
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_flash_sale PRIMARY KEY (id),
    CONSTRAINT fk_flash_sale_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT ck_flash_sale CHECK (units > 0 AND remaining >= 0 AND remaining <= units AND price_minor > 0
        AND ends_at > starts_at AND claim_hold_seconds > 0)
);
CREATE INDEX ix_flash_sale_window ON flash_sale (status, ends_at);

-- A buyer's claim of one unit. holder_id is the buyer while the claim holds a unit (CLAIMED, ORDERED) and NULL once
-- it is RELEASED, so the unique key allows one live claim per buyer and sale, and a buyer whose claim lapsed may
-- try again.
CREATE TABLE flash_claim (
    id                  BIGINT        NOT NULL,
    sale_id             BIGINT        NOT NULL,
    buyer_id            BIGINT        NOT NULL,
    holder_id           BIGINT,
    status              VARCHAR(16)   NOT NULL,
    hold_until          DATETIME(6)   NOT NULL,
    checkout_id         BIGINT,
    created_at          DATETIME(6)   NOT NULL,
    released_at         DATETIME(6),
    CONSTRAINT pk_flash_claim PRIMARY KEY (id),
    CONSTRAINT uq_flash_claim_holder UNIQUE (sale_id, holder_id),
    CONSTRAINT fk_flash_claim_sale FOREIGN KEY (sale_id) REFERENCES flash_sale (id),
    CONSTRAINT fk_flash_claim_buyer FOREIGN KEY (buyer_id) REFERENCES shop_user (id)
);
CREATE INDEX ix_flash_claim_hold ON flash_claim (status, hold_until);
CREATE INDEX ix_flash_claim_buyer ON flash_claim (buyer_id, created_at);

-- The checkout that pays a claim: its one unit goes back to the sale's pool (not the item's stock) when unpaid.
ALTER TABLE checkout ADD COLUMN flash_claim_id BIGINT;
