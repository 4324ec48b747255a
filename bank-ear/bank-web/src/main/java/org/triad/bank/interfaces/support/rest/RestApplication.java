package org.triad.bank.interfaces.support.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The Bank REST API root, {@code /api}. Resources of this WAR are discovered by scanning; the shared
 * problem+json mapper and health resource come from the common library in the EAR's lib/.
 */
@ApplicationPath("api")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // scanned recursively: the resources and filters of every interfaces.<feature>.rest and the rate limiter
        return Map.of("jersey.config.server.provider.packages",
                "org.triad.common.rest,org.triad.common.health,org.triad.bank.interfaces");
    }
}
