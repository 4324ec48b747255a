package org.triad.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.triad.common.persistence.SchemaMigrations;

/** Ready only once the start-up migration brought the schema to the newest version. */
@Readiness
@ApplicationScoped
public class SchemaHealthCheck implements HealthCheck {

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("schema");
        String version = migrations.currentVersion();
        return version == null
                ? response.down().build()
                : response.up().withData("version", version).withData("location", migrations.location()).build();
    }
}
