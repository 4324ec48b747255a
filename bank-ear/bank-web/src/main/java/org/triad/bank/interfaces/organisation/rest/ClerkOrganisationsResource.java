package org.triad.bank.interfaces.organisation.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.DocumentView;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.interfaces.support.rest.Caller;
import org.triad.bank.interfaces.support.rest.Downloads;

/** The platform's review of organisation applications (clerks and admins; others get 403 {@code not-permitted}). */
@Path("v1/clerk/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation review", description = "Back office: review organisation applications and their documents")
public class ClerkOrganisationsResource {

    public record ReviewDecision(String decision, String reason) {
    }

    @EJB
    OrganisationService organisations;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Organisations by status (PENDING: the review queue, oldest first)")
    public List<OrganisationView> queue(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                        @QueryParam("size") Integer size) {
        int s = size == null ? 50 : Math.max(1, Math.min(200, size));
        int p = page == null ? 0 : Math.max(0, page);
        return organisations.reviewQueue(Caller.id(request), status, p * s, s);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One organisation")
    public OrganisationView get(@PathParam("id") long id) {
        return organisations.review(Caller.id(request), id);
    }

    @GET
    @Path("{id}/documents")
    @Operation(summary = "Its qualification documents")
    public List<DocumentView> documents(@PathParam("id") long id) {
        return organisations.reviewDocuments(Caller.id(request), id);
    }

    @GET
    @Path("{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a qualification document")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        return Downloads.of(organisations.reviewDownload(Caller.id(request), id, documentId));
    }

    /** {@code {"decision": "APPROVE"}} or {@code {"decision": "REJECT", "reason": "..."}}. */
    @POST
    @Path("{id}/review")
    @Operation(summary = "Approve or reject a pending application")
    @APIResponse(responseCode = "200", description = "Organisation APPROVED or REJECTED")
    @APIResponse(responseCode = "400", description = "invalid-input (no reason for a rejection, unknown decision)")
    @APIResponse(responseCode = "403", description = "Not a clerk (not-permitted)")
    @APIResponse(responseCode = "404", description = "organisation-not-found")
    @APIResponse(responseCode = "409", description = "Reviewed already (invalid-state), no documents (documents-missing)")
    public OrganisationView decide(@PathParam("id") long id, ReviewDecision body) {
        Caller.body(body);
        long caller = Caller.id(request);
        return switch (String.valueOf(body.decision()).toUpperCase(Locale.ROOT)) {
            case "APPROVE" -> organisations.approve(caller, id);
            case "REJECT" -> organisations.reject(caller, id, body.reason());
            default -> throw new InvalidInputException("The decision is APPROVE or REJECT.");
        };
    }
}
