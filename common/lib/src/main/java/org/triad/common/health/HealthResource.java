package org.triad.common.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /api/v1/health}: the application's own readiness report, {@code 200 {"status":"UP"}}
 * when every readiness check of the application is up, {@code 503} with the failing checks
 * otherwise. The launcher and the load balancer poll it; MicroProfile Health publishes the same
 * checks at the server's {@code /health/ready}.
 */
@Path("v1/health")
public class HealthResource {

    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> checks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r = call(check);
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("name", r.getName())
                    .add("status", r.getStatus().name());
            r.getData().ifPresent(data -> {
                JsonObjectBuilder d = Json.createObjectBuilder();
                data.forEach((k, v) -> d.add(k, String.valueOf(v)));
                item.add("data", d);
            });
            results.add(item);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(up ? 200 : 503).entity(body).cacheControl(noStore).build();
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }
}
