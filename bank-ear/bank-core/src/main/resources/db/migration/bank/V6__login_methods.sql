-- Login methods and MFA (issue 5, part D): TOTP enrolments, recovery codes, QR login scenes, WeChat bindings.
-- Portable: H2 2.2 (MySQL mode) and MariaDB 10.11. Times are UTC instants, truncated to seconds where compared.

-- One TOTP enrolment per customer. The shared secret is encrypted at rest (AES-GCM, see SecretBox);
-- last_used_step is the RFC 6238 time step of the last accepted code, so the same code is never accepted twice.
CREATE TABLE totp_enrolment (
    customer_id      BIGINT        NOT NULL,
    secret_encrypted VARCHAR(255)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    last_used_step   BIGINT,
    created_at       DATETIME(6)   NOT NULL,
    activated_at     DATETIME(6),
    CONSTRAINT pk_totp_enrolment PRIMARY KEY (customer_id),
    CONSTRAINT fk_totp_enrolment_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- Recovery codes: 10 per customer, 80 random bits each, stored as SHA-256, single use.
CREATE TABLE recovery_code (
    id          BIGINT       NOT NULL,
    customer_id BIGINT       NOT NULL,
    code_hash   VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT pk_recovery_code PRIMARY KEY (id),
    CONSTRAINT uq_recovery_code_hash UNIQUE (code_hash),
    CONSTRAINT fk_recovery_code_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_recovery_code_customer ON recovery_code (customer_id);

-- QR login scenes: the id is 256 random bits (base64url); the browser that created the scene holds a secret whose
-- SHA-256 is stored here, and only that browser can consume the confirmed scene.
CREATE TABLE qr_login_scene (
    id                  VARCHAR(64)   NOT NULL,
    browser_secret_hash VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    user_agent          VARCHAR(250),
    ip_address          VARCHAR(64),
    customer_id         BIGINT,
    wechat_openid       VARCHAR(128),
    created_at          DATETIME(6)   NOT NULL,
    expires_at          DATETIME(6)   NOT NULL,
    decided_at          DATETIME(6),
    CONSTRAINT pk_qr_login_scene PRIMARY KEY (id),
    CONSTRAINT fk_qr_login_scene_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_qr_login_scene_expiry ON qr_login_scene (expires_at);

-- WeChat official-account users: an openid seen through a scene QR code; customer_id is null while the openid is
-- held unbound (the person then signs in another way, which binds it).
CREATE TABLE wechat_binding (
    id          BIGINT        NOT NULL,
    openid      VARCHAR(128)  NOT NULL,
    unionid     VARCHAR(128),
    customer_id BIGINT,
    created_at  DATETIME(6)   NOT NULL,
    bound_at    DATETIME(6),
    CONSTRAINT pk_wechat_binding PRIMARY KEY (id),
    CONSTRAINT uq_wechat_binding_openid UNIQUE (openid),
    CONSTRAINT fk_wechat_binding_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_wechat_binding_customer ON wechat_binding (customer_id);
