-- Shop-local accounts: activation by an e-mail code, password reset by code (the bank's rules: 6 digits, hashed,
-- 10 minutes, 5 attempts, a new code supersedes the old one). Existing users count as activated.
ALTER TABLE shop_user ADD COLUMN activated_at DATETIME(6);
UPDATE shop_user SET activated_at = created_at;

CREATE TABLE shop_code (
    id          BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    purpose     VARCHAR(16)   NOT NULL,
    code_hash   VARCHAR(255)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    attempts    INT           NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT pk_shop_code PRIMARY KEY (id),
    CONSTRAINT fk_shop_code_user FOREIGN KEY (user_id) REFERENCES shop_user (id)
);
CREATE INDEX ix_shop_code_user ON shop_code (user_id, purpose, created_at);
