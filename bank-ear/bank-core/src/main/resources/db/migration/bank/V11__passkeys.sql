-- Passkeys (WebAuthn, issue 5 beyond the brief): a customer's registered credentials. credential_id is the
-- authenticator's id (base64url, unique); attested_data is the COSE public key with its AAGUID as webauthn4j
-- serialises it (base64url); sign_count detects cloned authenticators. No private key ever reaches the bank.
CREATE TABLE passkey (
    id            BIGINT         NOT NULL,
    customer_id   BIGINT         NOT NULL,
    credential_id VARCHAR(1400)  NOT NULL,
    credential_hash VARCHAR(64)  NOT NULL,
    attested_data VARCHAR(4000)  NOT NULL,
    sign_count    BIGINT         NOT NULL,
    uv_initialized BOOLEAN       NOT NULL,
    backup_eligible BOOLEAN,
    backup_state  BOOLEAN,
    name          VARCHAR(64)    NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    last_used_at  DATETIME(6),
    CONSTRAINT pk_passkey PRIMARY KEY (id),
    CONSTRAINT uq_passkey_credential UNIQUE (credential_hash),
    CONSTRAINT fk_passkey_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_passkey_customer ON passkey (customer_id);
