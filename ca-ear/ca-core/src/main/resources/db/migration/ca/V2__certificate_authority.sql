-- The certificate authority: its key material, the certificates it issued, revocation lists, its
-- accounts and its tamper-evident audit log. Portable: H2 (MySQL mode) and MariaDB/MySQL 8.
-- DATETIME, not TIMESTAMP: certificate validity reaches beyond 2038.

-- Root and issuing CA keys and certificates, as one password-encrypted PKCS#12 per hierarchy.
CREATE TABLE ca_keystore (
    name          VARCHAR(40)  NOT NULL,
    key_algorithm VARCHAR(20)  NOT NULL,
    pkcs12        BLOB         NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_ca_keystore PRIMARY KEY (name)
);

CREATE TABLE certificate (
    serial               VARCHAR(40)   NOT NULL,
    common_name          VARCHAR(255),
    subject_dn           VARCHAR(1024) NOT NULL,
    subject_alt_names    VARCHAR(2000),
    profile              VARCHAR(20)   NOT NULL,
    key_algorithm        VARCHAR(40)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    not_before           DATETIME(6)   NOT NULL,
    not_after            DATETIME(6)   NOT NULL,
    issued_at            DATETIME(6)   NOT NULL,
    issued_by            VARCHAR(100)  NOT NULL,
    server_generated_key BOOLEAN       NOT NULL,
    revoked_at           DATETIME(6),
    revocation_reason    VARCHAR(40),
    revoked_by           VARCHAR(100),
    der                  BLOB          NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (serial)
);
CREATE INDEX ix_certificate_common_name ON certificate (common_name);
CREATE INDEX ix_certificate_status_not_after ON certificate (status, not_after);

-- Every CRL ever published; the newest is served. crl_head serialises numbering across instances.
CREATE TABLE crl (
    crl_number  BIGINT      NOT NULL,
    this_update DATETIME(6) NOT NULL,
    next_update DATETIME(6) NOT NULL,
    der         BLOB        NOT NULL,
    CONSTRAINT pk_crl PRIMARY KEY (crl_number)
);
CREATE TABLE crl_head (
    id          INT    NOT NULL,
    last_number BIGINT NOT NULL,
    CONSTRAINT pk_crl_head PRIMARY KEY (id)
);
INSERT INTO crl_head (id, last_number) VALUES (1, 0);

-- CA administrators and enrolment accounts (machine clients that request certificates).
CREATE TABLE ca_account (
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    failed_logins INT          NOT NULL,
    locked_until  DATETIME(6),
    CONSTRAINT pk_ca_account PRIMARY KEY (username)
);

-- Append-only audit log; each record carries the hash of its predecessor, audit_head the newest.
CREATE TABLE audit_record (
    seq         BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(512),
    outcome     VARCHAR(20)   NOT NULL,
    detail      VARCHAR(2000),
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_record PRIMARY KEY (seq)
);
CREATE TABLE audit_head (
    id        INT         NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
