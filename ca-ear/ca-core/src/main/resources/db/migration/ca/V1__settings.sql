-- Settings of the CA application that are changed at run time (by admins), as opposed to
-- MicroProfile Config, which holds deployment configuration. Portable: H2 (MySQL mode) and MariaDB/MySQL 8.
CREATE TABLE app_setting (
    name          VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_app_setting PRIMARY KEY (name)
);

INSERT INTO app_setting (name, setting_value, updated_at, updated_by)
VALUES ('schema.domain', 'ca', CURRENT_TIMESTAMP, 'migration');
