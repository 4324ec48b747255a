package org.triad.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.triad.common.health.DatabaseHealthCheck;
import org.triad.common.persistence.SchemaMigrations;

/** The home pages' status card: is the application's database there, and at which schema version. */
@Named
@RequestScoped
public class SystemStatus {

    @Inject
    @Readiness
    DatabaseHealthCheck database;

    @Inject
    SchemaMigrations schema;

    private HealthCheckResponse databaseResponse;

    public boolean isDatabaseUp() {
        return databaseCheck().getStatus() == HealthCheckResponse.Status.UP;
    }

    public String getDatabaseProduct() {
        return databaseCheck().getData().map(d -> String.valueOf(d.get("product"))).orElse("-");
    }

    public String getSchemaVersion() {
        String version = schema.currentVersion();
        return version == null ? "-" : version;
    }

    private HealthCheckResponse databaseCheck() {
        if (databaseResponse == null) {
            databaseResponse = database.call();
        }
        return databaseResponse;
    }
}
