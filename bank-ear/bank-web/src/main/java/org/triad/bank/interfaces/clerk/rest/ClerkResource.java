package org.triad.bank.interfaces.clerk.rest;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.interfaces.support.rest.Caller;

/** The clerk's API: customer search, KYC decisions, card freeze. Non-clerks get 403 {@code not-permitted}. */
@Path("v1/clerk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clerk", description = "Back office: customer search, KYC decisions, card freeze, a customer's devices and "
        + "sign-out, audit log (clerk role)")
public class ClerkResource {

    public record KycDecision(String decision, String reason) {
    }

    @EJB
    ClerkService clerk;

    @Context
    HttpServletRequest request;

    @GET
    @Path("customers")
    @Operation(summary = "Search customers", description = "Filters kyc and q (name or email); paged.")
    public List<CustomerView> customers(@QueryParam("kyc") String kyc, @QueryParam("q") String text,
                                        @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int s = size == null ? 50 : Math.max(1, Math.min(200, size));
        int p = page == null ? 0 : Math.max(0, page);
        return clerk.search(Caller.id(request), kyc, text, p * s, s);
    }

    @GET
    @Path("customers/{id}/cards")
    @Operation(summary = "Cards of a customer")
    public List<CardView> cards(@PathParam("id") long customerId) {
        return clerk.cardsOf(Caller.id(request), customerId);
    }

    @GET
    @Path("customers/{id}/devices")
    @Operation(summary = "Device sessions of a customer", description = "Newest first, ended ones included.")
    @APIResponse(responseCode = "404", description = "No such customer")
    public List<DeviceView> devices(@PathParam("id") long customerId) {
        return clerk.devicesOf(Caller.id(request), customerId);
    }

    @POST
    @Path("customers/{id}/sign-out")
    @Operation(summary = "Sign a customer out everywhere",
            description = "Ends every device session; their access tokens are refused at once everywhere.")
    @APIResponse(responseCode = "200", description = "{signedOut: n}")
    @APIResponse(responseCode = "403", description = "Not a clerk, or the account is staff (not-permitted)")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Map<String, Integer> signOut(@PathParam("id") long customerId) {
        return Map.of("signedOut", clerk.signOutEverywhere(Caller.id(request), customerId));
    }

    /** {@code {"decision": "APPROVE"}} or {@code {"decision": "REJECT", "reason": "..."}}. */
    @POST
    @Path("customers/{id}/kyc")
    @Operation(summary = "Approve or reject a customer's KYC")
    @APIResponse(responseCode = "200", description = "Customer")
    @APIResponse(responseCode = "403", description = "Not a clerk (not-permitted)")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerView decide(@PathParam("id") long customerId, KycDecision body) {
        Caller.body(body);
        long caller = Caller.id(request);
        return switch (String.valueOf(body.decision()).toUpperCase(Locale.ROOT)) {
            case "APPROVE" -> clerk.approve(caller, customerId);
            case "REJECT" -> clerk.reject(caller, customerId, body.reason());
            default -> throw new InvalidInputException("The decision is APPROVE or REJECT.");
        };
    }

    /** The audit trail, newest first; {@code actor} (a customer or clerk id) and {@code action} filter it. */
    @GET
    @Path("audit")
    @Operation(summary = "The audit log, newest first")
    public List<AuditLog.View> audit(@QueryParam("actor") Long actor, @QueryParam("action") String action,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int s = size == null ? 50 : Math.max(1, Math.min(200, size));
        int p = page == null ? 0 : Math.max(0, page);
        return clerk.audit(Caller.id(request), actor, action, p * s, s);
    }

    @POST
    @Path("cards/{id}/freeze")
    @Operation(summary = "Freeze a card")
    @APIResponse(responseCode = "200", description = "Card FROZEN")
    @APIResponse(responseCode = "403", description = "Not a clerk")
    public CardView freeze(@PathParam("id") long cardId) {
        return clerk.freeze(Caller.id(request), cardId);
    }

    @POST
    @Path("cards/{id}/unfreeze")
    @Operation(summary = "Unfreeze a card")
    @APIResponse(responseCode = "200", description = "Card ACTIVE")
    @APIResponse(responseCode = "403", description = "Not a clerk")
    public CardView unfreeze(@PathParam("id") long cardId) {
        return clerk.unfreeze(Caller.id(request), cardId);
    }
}
