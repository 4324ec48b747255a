package org.triad.common.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.triad.common.persistence.TriadDataSource;

/**
 * Ready only while the application's database answers. The data source is injected, not looked
 * up per call: the server-wide MicroProfile Health endpoint calls checks outside the
 * application's naming context, where {@code java:app} names do not resolve.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = TriadDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection()) {
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
