-- OAuth 2.0 / OpenID Connect provider and open platform (issue 5): registered apps (clients), the customers'
-- remembered consents and short-lived authorization codes. Portable: H2 2.2 (MySQL mode) and MariaDB 10.11.

CREATE TABLE oauth_client (
    id                  BIGINT        NOT NULL,
    client_id           VARCHAR(64)   NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    icon                BLOB,
    icon_type           VARCHAR(32),
    homepage            VARCHAR(500),
    -- exact strings, one per line
    redirect_uris       VARCHAR(4000) NOT NULL,
    post_logout_uris    VARCHAR(4000),
    -- space separated
    scopes              VARCHAR(200)  NOT NULL,
    confidential        BOOLEAN       NOT NULL,
    legacy_implicit     BOOLEAN       NOT NULL,
    owner_id            BIGINT        NOT NULL,
    organisation_id     BIGINT,
    status              VARCHAR(16)   NOT NULL,
    review_reason       VARCHAR(500),
    reviewed_by         BIGINT,
    -- PBKDF2 (Passwords) of the client secret; null for public clients
    secret_hash         VARCHAR(255),
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    deleted_at          DATETIME(6),
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_oauth_client PRIMARY KEY (id),
    CONSTRAINT uq_oauth_client_client_id UNIQUE (client_id),
    CONSTRAINT fk_oauth_client_owner FOREIGN KEY (owner_id) REFERENCES customer (id)
);
CREATE INDEX ix_oauth_client_owner ON oauth_client (owner_id);
CREATE INDEX ix_oauth_client_status ON oauth_client (status, created_at);

CREATE TABLE oauth_consent (
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    client_pk   BIGINT       NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    granted_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6),
    CONSTRAINT pk_oauth_consent PRIMARY KEY (id),
    CONSTRAINT fk_oauth_consent_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_oauth_consent_client FOREIGN KEY (client_pk) REFERENCES oauth_client (id)
);
CREATE INDEX ix_oauth_consent_customer ON oauth_consent (customer_id, client_pk);

CREATE TABLE oauth_code (
    id                BIGINT        NOT NULL,
    -- SHA-256 of the 256-bit code
    code_hash         VARCHAR(64)   NOT NULL,
    client_pk         BIGINT        NOT NULL,
    customer_id       BIGINT        NOT NULL,
    redirect_uri      VARCHAR(1000) NOT NULL,
    scopes            VARCHAR(200)  NOT NULL,
    nonce             VARCHAR(500),
    code_challenge    VARCHAR(128),
    challenge_method  VARCHAR(8),
    device_session_id BIGINT,
    auth_time         DATETIME(6)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    expires_at        DATETIME(6)   NOT NULL,
    used_at           DATETIME(6),
    CONSTRAINT pk_oauth_code PRIMARY KEY (id),
    CONSTRAINT uq_oauth_code_hash UNIQUE (code_hash),
    CONSTRAINT fk_oauth_code_client FOREIGN KEY (client_pk) REFERENCES oauth_client (id),
    CONSTRAINT fk_oauth_code_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
