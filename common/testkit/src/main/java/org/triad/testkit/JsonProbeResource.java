package org.triad.testkit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resource that {@link Deployments} adds to the WAR under test, so that the shared JSON
 * binding and problem+json error handling can be exercised in a real deployment without the
 * product shipping an echo endpoint.
 */
@Path(JsonProbeResource.PATH)
public class JsonProbeResource {

    public static final String PATH = "v1/test-probe/json";

    public record Probe(String name, int amount) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Probe echo(Probe probe) {
        return probe;
    }
}
