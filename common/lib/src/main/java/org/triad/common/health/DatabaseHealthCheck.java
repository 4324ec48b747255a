package org.triad.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.triad.common.persistence.TriadDataSource;

/** Ready only while the application's database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection c = TriadDataSource.lookup().getConnection()) {
            boolean valid = c.isValid(2);
            var meta = c.getMetaData();
            return response.status(valid)
                    .withData("product", meta.getDatabaseProductName())
                    .withData("version", meta.getDatabaseProductVersion())
                    .build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
