-- Item images, re-encoded by the shop (never the uploaded bytes): three JPEG sizes in the database (outside the web
-- root). A new image is published with the item's next approval; a removed one stays shown until then.
CREATE TABLE item_image (
    id          BIGINT       NOT NULL,
    item_id     BIGINT       NOT NULL,
    position    INT          NOT NULL,
    width       INT          NOT NULL,
    height      INT          NOT NULL,
    large_jpeg  LONGBLOB     NOT NULL,
    medium_jpeg LONGBLOB     NOT NULL,
    thumb_jpeg  LONGBLOB     NOT NULL,
    etag        VARCHAR(64)  NOT NULL,
    published   BOOLEAN      NOT NULL,
    removed     BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_item_image PRIMARY KEY (id),
    CONSTRAINT fk_item_image_item FOREIGN KEY (item_id) REFERENCES item (id)
);
CREATE INDEX ix_item_image_item ON item_image (item_id, position);
