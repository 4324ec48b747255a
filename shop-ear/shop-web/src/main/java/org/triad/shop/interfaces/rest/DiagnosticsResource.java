package org.triad.shop.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.common.rest.Problem;
import org.triad.shop.infrastructure.bank.BankConnection;

/** Can the shop reach the bank over trusted TLS right now? For operators and the platform tests. */
@Path("v1/diagnostics")
@Tag(name = "Diagnostics")
public class DiagnosticsResource {

    @Inject
    BankConnection bank;

    @GET
    @Path("bank")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "Round trip to the bank over TLS with the Triad CA's certificates and OCSP")
    public Response bank() {
        BankConnection.Status status = bank.probe();
        if (status.reachable()) {
            return Response.ok(java.util.Map.of("status", "UP", "bankHttpStatus", status.httpStatus())).build();
        }
        return Problem.of("bank-unreachable", "Bank unreachable", 502,
                status.problem() == null ? "The bank answered HTTP " + status.httpStatus() : status.problem())
                .toResponse();
    }
}
