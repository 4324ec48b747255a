package org.triad.bank.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.triad.common.persistence.SchemaMigrations;
import org.triad.common.persistence.TriadDataSource;

/**
 * The Bank application's own database. Driver, URL and credentials come from MicroProfile Config
 * ({@code triad.bank.db.*}, environment {@code TRIAD_BANK_DB_*}), so the same EAR runs on the embedded
 * H2 default and on MySQL 8 / MariaDB. At deployment the schema is migrated before anything else
 * runs; a failed migration fails the deployment.
 */
@DataSourceDefinition(
        name = TriadDataSource.JNDI_NAME,
        className = "${MPCONFIG=triad.bank.db.class}",
        url = "${MPCONFIG=triad.bank.db.url}",
        user = "${MPCONFIG=triad.bank.db.user}",
        password = "${MPCONFIG=triad.bank.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300)
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankDatabase {

    @Inject
    SchemaMigrations migrations;

    @PostConstruct
    void migrate() {
        migrations.migrate(getClass().getClassLoader());
    }
}
