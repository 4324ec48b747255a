-- Organisations (issue 5): applications reviewed by the platform, qualification documents, a department tree,
-- memberships and e-mail invitations. Portable: H2 2.2 (MySQL mode) and MariaDB 10.11. Keys assigned by the
-- application (see Ids); times are UTC instants.

CREATE TABLE organisation (
    id                  BIGINT        NOT NULL,
    type                VARCHAR(32)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    registration_number VARCHAR(32)   NOT NULL,
    contact_name        VARCHAR(100)  NOT NULL,
    contact_email       VARCHAR(254)  NOT NULL,
    contact_phone       VARCHAR(32)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    review_reason       VARCHAR(500),
    reviewed_by         BIGINT,
    reviewed_at         DATETIME(6),
    applicant_id        BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_organisation PRIMARY KEY (id),
    CONSTRAINT uq_organisation_registration UNIQUE (type, registration_number),
    CONSTRAINT fk_organisation_applicant FOREIGN KEY (applicant_id) REFERENCES customer (id)
);
CREATE INDEX ix_organisation_status ON organisation (status, created_at);

-- Qualification documents: metadata here, the bytes (at most 5 MB, PDF/PNG/JPEG) in a table of their own so that
-- listing documents never reads them.
CREATE TABLE organisation_document (
    id              BIGINT        NOT NULL,
    organisation_id BIGINT        NOT NULL,
    file_name       VARCHAR(200)  NOT NULL,
    content_type    VARCHAR(32)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    uploaded_by     BIGINT        NOT NULL,
    uploaded_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_organisation_document PRIMARY KEY (id),
    CONSTRAINT fk_organisation_document_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_organisation_document_org ON organisation_document (organisation_id, uploaded_at);

CREATE TABLE organisation_document_content (
    document_id BIGINT     NOT NULL,
    content     MEDIUMBLOB NOT NULL,
    CONSTRAINT pk_organisation_document_content PRIMARY KEY (document_id),
    CONSTRAINT fk_organisation_document_content FOREIGN KEY (document_id) REFERENCES organisation_document (id)
);

-- Departments form a tree per organisation (parent_id NULL: a top-level department). Names are unique among
-- siblings (checked by the service under a lock on the organisation row, since NULL parents escape UNIQUE).
CREATE TABLE org_department (
    id              BIGINT        NOT NULL,
    organisation_id BIGINT        NOT NULL,
    parent_id       BIGINT,
    name            VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_org_department PRIMARY KEY (id),
    CONSTRAINT fk_org_department_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_org_department_parent FOREIGN KEY (parent_id) REFERENCES org_department (id)
);
CREATE INDEX ix_org_department_org ON org_department (organisation_id, parent_id);

CREATE TABLE org_membership (
    id              BIGINT       NOT NULL,
    organisation_id BIGINT       NOT NULL,
    customer_id     BIGINT       NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    department_id   BIGINT,
    status          VARCHAR(16)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_org_membership PRIMARY KEY (id),
    CONSTRAINT uq_org_membership UNIQUE (organisation_id, customer_id),
    CONSTRAINT fk_org_membership_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_org_membership_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_org_membership_department FOREIGN KEY (department_id) REFERENCES org_department (id)
);
CREATE INDEX ix_org_membership_customer ON org_membership (customer_id, status);

-- Invitations by e-mail: only the SHA-256 of the 256-bit token is stored; valid 7 days, used once.
CREATE TABLE org_invitation (
    id              BIGINT        NOT NULL,
    organisation_id BIGINT        NOT NULL,
    email           VARCHAR(254)  NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    department_id   BIGINT,
    token_hash      VARCHAR(64)   NOT NULL,
    invited_by      BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NOT NULL,
    accepted_at     DATETIME(6),
    accepted_by     BIGINT,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_org_invitation PRIMARY KEY (id),
    CONSTRAINT uq_org_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_org_invitation_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_org_invitation_department FOREIGN KEY (department_id) REFERENCES org_department (id)
);
CREATE INDEX ix_org_invitation_org ON org_invitation (organisation_id, accepted_at);
