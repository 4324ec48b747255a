-- Buyers' ratings of the lines of completed orders (one per order line: the unique key is the last guard behind the
-- service's check), the images that come with them (re-encoded by the shop like item images, never the upload), the
-- seller's one answer, and the "feedback to the shop" that anyone may send and shop admins read. Times UTC.
-- (V6 is the flash sale's, written on another branch; this migration does not depend on it.)
CREATE TABLE rating (
    id             BIGINT         NOT NULL,
    order_line_id  BIGINT         NOT NULL,
    order_id       BIGINT         NOT NULL,
    item_id        BIGINT         NOT NULL,
    buyer_id       BIGINT         NOT NULL,
    seller_id      BIGINT         NOT NULL,
    stars          INT            NOT NULL,
    body           VARCHAR(2000)  NOT NULL,
    answer         VARCHAR(2000),
    answered_at    DATETIME(6),
    created_at     DATETIME(6)    NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT pk_rating PRIMARY KEY (id),
    CONSTRAINT uq_rating_order_line UNIQUE (order_line_id),
    CONSTRAINT fk_rating_order_line FOREIGN KEY (order_line_id) REFERENCES order_line (id),
    CONSTRAINT fk_rating_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    CONSTRAINT fk_rating_item FOREIGN KEY (item_id) REFERENCES item (id),
    CONSTRAINT fk_rating_buyer FOREIGN KEY (buyer_id) REFERENCES shop_user (id),
    CONSTRAINT fk_rating_seller FOREIGN KEY (seller_id) REFERENCES shop_user (id),
    CONSTRAINT ck_rating_stars CHECK (stars BETWEEN 1 AND 5)
);
CREATE INDEX ix_rating_item ON rating (item_id, created_at);
CREATE INDEX ix_rating_seller ON rating (seller_id, created_at);
CREATE INDEX ix_rating_order ON rating (order_id);

CREATE TABLE rating_image (
    id           BIGINT       NOT NULL,
    rating_id    BIGINT       NOT NULL,
    position     INT          NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    large_jpeg   LONGBLOB     NOT NULL,
    medium_jpeg  LONGBLOB     NOT NULL,
    thumb_jpeg   LONGBLOB     NOT NULL,
    etag         VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_rating_image PRIMARY KEY (id),
    CONSTRAINT uq_rating_image_position UNIQUE (rating_id, position),
    CONSTRAINT fk_rating_image_rating FOREIGN KEY (rating_id) REFERENCES rating (id)
);

-- Feedback to the shop: from a signed-in user (author_id) or anyone (author_id NULL). sender_key is what the hourly
-- limit counts: 'u:<user id>' or 'a:' and a hash of the client address (the address itself is not kept).
CREATE TABLE feedback (
    id           BIGINT         NOT NULL,
    author_id    BIGINT,
    sender_key   VARCHAR(80)    NOT NULL,
    contact      VARCHAR(200),
    message      VARCHAR(4000)  NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    CONSTRAINT pk_feedback PRIMARY KEY (id),
    CONSTRAINT fk_feedback_author FOREIGN KEY (author_id) REFERENCES shop_user (id)
);
CREATE INDEX ix_feedback_created ON feedback (created_at);
CREATE INDEX ix_feedback_sender ON feedback (sender_key, created_at);
