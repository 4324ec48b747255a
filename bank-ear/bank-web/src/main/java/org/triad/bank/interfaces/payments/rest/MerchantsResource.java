package org.triad.bank.interfaces.payments.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.payments.Merchants.MerchantView;
import org.triad.bank.application.payments.Merchants;
import org.triad.bank.domain.model.payment.PaymentRuleException;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * Merchant profiles: the owner of an approved confidential app with the {@code payments} scope describes it
 * ({@code PUT /api/v1/me/apps/{client_id}/merchant}), a clerk checks it ({@code /api/v1/clerk/merchants}). Any change
 * by the owner waits for the clerk again; until approved the app cannot create payments.
 */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Merchants", description = "Merchant profiles of open-platform apps and their check by a clerk")
public class MerchantsResource {

    /**
     * {@code clientCertificateSubject}: the subject DN of the app's Triad {@code tls-client} certificate (RFC 8705
     * {@code tls_client_auth_subject_dn}, e.g. {@code CN=shop}); or {@code clientCertificate}: such a certificate
     * (PEM), whose subject is registered. Neither: unchanged; {@code ""}: removed.
     */
    public record MerchantForm(String displayName, long settlementCardId, String notifyUrl,
                               List<String> returnUrlPrefixes, String clientCertificateSubject,
                               String clientCertificate) {
    }

    public record Rejection(String reason) {
    }

    @EJB
    Merchants merchants;

    @Inject
    CallerToken caller;

    @Context
    HttpServletRequest request;

    @PUT
    @Path("me/apps/{clientId}/merchant")
    @Operation(summary = "Describe the merchant profile of one's own app (waits for a clerk's check)")
    public MerchantView describe(@PathParam("clientId") String clientId, MerchantForm form) {
        caller.requireFirstParty();
        long ownerId = Caller.id(request);
        Caller.body(form);
        String subject = form.clientCertificateSubject();
        if (form.clientCertificate() != null && !form.clientCertificate().isBlank()) {
            if (subject != null) {
                throw new PaymentRuleException("invalid-client-certificate", 422,
                        "Give the certificate or its subject, not both.");
            }
            subject = ClientCertificateUpload.subjectOf(form.clientCertificate());
        }
        return merchants.describe(ownerId, clientId, form.displayName(), form.settlementCardId(), form.notifyUrl(),
                form.returnUrlPrefixes(), subject);
    }

    @GET
    @Path("clerk/merchants")
    @Operation(summary = "Merchant profiles waiting for a check (clerk)")
    public List<MerchantView> waiting() {
        requireClerk();
        return merchants.waiting();
    }

    @POST
    @Path("clerk/merchants/{clientId}/approval")
    @Operation(summary = "Approve a merchant profile (clerk)")
    public MerchantView approve(@PathParam("clientId") String clientId) {
        return merchants.approve(requireClerk(), clientId);
    }

    @POST
    @Path("clerk/merchants/{clientId}/rejection")
    @Operation(summary = "Reject a merchant profile with a reason the owner sees (clerk)")
    public MerchantView reject(@PathParam("clientId") String clientId, Rejection rejection) {
        Caller.body(rejection);
        return merchants.reject(requireClerk(), clientId, rejection.reason());
    }

    private long requireClerk() {
        long id = Caller.id(request);
        caller.requireFirstParty();
        if (!request.isUserInRole("clerk") && !request.isUserInRole("admin")) {
            throw new ForbiddenException("Only clerks check merchants.");
        }
        return id;
    }
}
