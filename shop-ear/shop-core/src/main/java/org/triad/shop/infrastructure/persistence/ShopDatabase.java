package org.triad.shop.infrastructure.persistence;

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
 * The Shop application's own database. Driver, URL and credentials come from MicroProfile Config
 * ({@code triad.shop.db.*}, environment {@code TRIAD_SHOP_DB_*}), so the same EAR runs on the embedded
 * H2 default and on MySQL 8 / MariaDB. At deployment the schema is migrated before anything else
 * runs; a failed migration fails the deployment.
 */
@DataSourceDefinition(
        name = TriadDataSource.JNDI_NAME,
        className = "${MPCONFIG=triad.shop.db.class}",
        url = "${MPCONFIG=triad.shop.db.url}",
        user = "${MPCONFIG=triad.shop.db.user}",
        password = "${MPCONFIG=triad.shop.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300)
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShopDatabase {

    @Inject
    SchemaMigrations migrations;

    @PostConstruct
    void migrate() {
        migrations.migrate(getClass().getClassLoader());
    }
}
