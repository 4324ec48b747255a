-- Identity (issue 5), tokens and devices: every sign-in is a device session, identified to clients only by a
-- random handle; access tokens are JWTs signed with the bank's signing keys; refresh tokens are opaque and stored
-- hashed; revoked device sessions are listed for every resource server.

-- The device session is the existing login session.
ALTER TABLE login_session ADD COLUMN handle VARCHAR(64);
ALTER TABLE login_session ADD COLUMN kind VARCHAR(16) DEFAULT 'PORTAL' NOT NULL;
ALTER TABLE login_session ADD COLUMN client_id VARCHAR(128);
ALTER TABLE login_session ADD COLUMN expires_at DATETIME(6);
ALTER TABLE login_session ADD COLUMN revoke_reason VARCHAR(64);
-- Existing sessions: the handle is the first 128 bits (hex) of the SHA-256 of their random token, which is
-- as unguessable as a new random handle and reveals nothing of the token; they are portal-or-API sessions of the
-- old kind and end a week after they were last seen. New sessions get 128 random bits, base64url.
UPDATE login_session SET handle = SUBSTRING(token_hash, 1, 32), expires_at = last_seen_at + INTERVAL '7' DAY;
ALTER TABLE login_session ADD CONSTRAINT uq_login_session_handle UNIQUE (handle);
CREATE INDEX ix_login_session_customer ON login_session (customer_id, created_at);

-- EC P-256 keys that sign the bank's JWTs. The private key is AES-GCM encrypted (PKCS#8 inside) under a key
-- derived from triad.bank.key-encryption-password; the public key is a JWK. The current key is the newest one
-- not retired; retired keys stay published until every token they signed has expired.
CREATE TABLE signing_key (
    kid             VARCHAR(64)   NOT NULL,
    algorithm       VARCHAR(16)   NOT NULL,
    public_jwk      VARCHAR(2000) NOT NULL,
    private_key_enc VARCHAR(2000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    retired_at      DATETIME(6),
    CONSTRAINT pk_signing_key PRIMARY KEY (kid)
);

-- Opaque refresh tokens (256 random bits; only the SHA-256 is stored), bound to a device session, a client and
-- scopes. Rotated on use: rotated_at is set and the successor pair is kept encrypted under a key derived from
-- the old token itself (successor_enc), so that concurrent refreshes within the grace window get the same pair.
CREATE TABLE refresh_token (
    id            BIGINT        NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    session_id    BIGINT        NOT NULL,
    customer_id   BIGINT        NOT NULL,
    client_id     VARCHAR(128)  NOT NULL,
    scopes        VARCHAR(1000) NOT NULL,
    audience      VARCHAR(1000) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    expires_at    DATETIME(6)   NOT NULL,
    rotated_at    DATETIME(6),
    successor_enc VARCHAR(4000),
    revoked_at    DATETIME(6),
    CONSTRAINT pk_refresh_token PRIMARY KEY (id),
    CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_token_session FOREIGN KEY (session_id) REFERENCES login_session (id)
);
CREATE INDEX ix_refresh_token_session ON refresh_token (session_id);

-- Revoked device sessions whose access tokens may still be unexpired; copied to the cluster-wide JCache
-- triad-revoked-sessions that every resource server checks. Rows past expires_at no longer matter.
CREATE TABLE revoked_session (
    handle     VARCHAR(64) NOT NULL,
    session_id BIGINT      NOT NULL,
    revoked_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    reason     VARCHAR(64),
    CONSTRAINT pk_revoked_session PRIMARY KEY (handle)
);
CREATE INDEX ix_revoked_session_expires ON revoked_session (expires_at);
