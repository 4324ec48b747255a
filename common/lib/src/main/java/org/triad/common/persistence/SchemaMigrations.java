package org.triad.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the application's schema to the newest version with Flyway. Each EAR calls
 * {@link #migrate()} from a {@code @Startup} singleton outside any JTA transaction (Flyway commits
 * per migration itself), so a deployment either serves on a current schema or fails to start.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Inject
    @ConfigProperty(name = "triad.db.migrations")
    String location;

    /*
     * Static on purpose: this class is loaded once per EAR (from lib/), and the WAR's health check
     * must see what the EJB module's start-up migration did, whichever CDI context each one uses.
     */
    private static volatile String currentVersion;

    /**
     * @param moduleLoader the class loader of the module that holds the migration scripts (the
     *                     EJB module); the lib/ loader that loaded this class cannot see them
     */
    public synchronized MigrateResult migrate(ClassLoader moduleLoader) {
        Flyway flyway = Flyway.configure(moduleLoader)
                .dataSource(TriadDataSource.lookup())
                .locations("classpath:" + location)
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        currentVersion = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "Schema at " + location + " is at version " + currentVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        return result;
    }

    /** The schema version after the last successful {@link #migrate()}, or null before. */
    public String currentVersion() {
        return currentVersion;
    }

    public String location() {
        return location;
    }
}
