package org.triad.bank.interfaces.payments.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.payments.PaymentService;
import org.triad.bank.application.payments.PaymentView;
import org.triad.bank.application.payments.RefundView;
import org.triad.bank.domain.model.payment.PaymentRuleException;
import org.triad.bank.domain.model.payment.PaymentStatus;

/**
 * The merchant payments API. Every call needs an access token of the client credentials grant with the scope
 * {@code payments} of an approved merchant app; a merchant sees only its own payments (another's id answers 404
 * {@code payment-not-found}). Creating a payment and a refund needs an {@code Idempotency-Key}: the same key with
 * the same body answers the first result (200), with another body {@code 422 idempotency-key-reused}; a request
 * refused by validation does not use up its key. Errors are {@code application/problem+json}.
 */
@Path("v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Merchant payments: create, read, cancel, refund (client credentials, scope payments)")
public class PaymentsResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @EJB
    PaymentService payments;

    @Inject
    MerchantCaller merchant;

    @POST
    @Operation(summary = "Create a payment", description = "Body: {buyer?, payees: [{card_ref | \"settlement\", amount,"
            + " merchant_order_id, description?}] (1-20), total (the sum), currency: CNY, expires_in? (seconds,"
            + " 60-86400, default 1800), return_url (a registered prefix), metadata? (JSON, 2000 chars)}.")
    @APIResponse(responseCode = "201", description = "Created: id, status CREATED, cashier_url, expires_at")
    @APIResponse(responseCode = "200", description = "The same key and body again: the first payment")
    @APIResponse(responseCode = "422", description = "Invalid payment, amount, card_ref, return URL, or reused key")
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String key, String body) {
        String clientId = merchant.clientId();
        PaymentView view = payments.create(clientId, PaymentJson.newPayment(PaymentJson.parse(body)), key);
        return Response.status(view.replayed() ? 200 : 201).entity(PaymentJson.payment(view).toString()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A payment of the calling merchant")
    @APIResponse(responseCode = "404", description = "No such payment of this merchant")
    public String get(@PathParam("id") String id) {
        return PaymentJson.payment(payments.get(merchant.clientId(), id)).toString();
    }

    @GET
    @Operation(summary = "The merchant's payments, newest first", description = "Filters: merchant_order_id, status,"
            + " from, to (ISO instants); paged with offset and limit (at most 100).")
    public String list(@QueryParam("merchant_order_id") String orderId, @QueryParam("status") String status,
                       @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("offset") @DefaultValue("0") int offset,
                       @QueryParam("limit") @DefaultValue("20") int limit) {
        List<PaymentView> found = payments.list(merchant.clientId(), blankToNull(orderId), status(status),
                instant(from, "from"), instant(to, "to"), offset, limit);
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.forEach(v -> items.add(PaymentJson.payment(v)));
        return Json.createObjectBuilder().add("items", items).add("offset", Math.max(0, offset))
                .add("limit", Math.min(Math.max(1, limit), 100)).build().toString();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a payment that is still CREATED")
    @APIResponse(responseCode = "409", description = "payment-not-cancellable: paid, expired or cancelled")
    public String cancel(@PathParam("id") String id) {
        return PaymentJson.payment(payments.cancel(merchant.clientId(), id)).toString();
    }

    @POST
    @Path("{id}/refunds")
    @Operation(summary = "Refund a paid payment, fully or partly", description = "Body: {lines: [{merchant_order_id,"
            + " amount}]}. Never more than a line received; the money goes back from each payee card to the card"
            + " that paid, in one transaction.")
    @APIResponse(responseCode = "201", description = "Refunded")
    @APIResponse(responseCode = "409", description = "payment-not-refundable, or refund-not-covered (a payee card"
            + " holds too little); nothing moved")
    @APIResponse(responseCode = "422", description = "refund-exceeds-payment, unknown line, invalid amount, reused key")
    public Response refund(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key, String body) {
        String clientId = merchant.clientId();
        RefundView refund = payments.refund(clientId, id, PaymentJson.refundLines(PaymentJson.parse(body)), key);
        return Response.status(refund.replayed() ? 200 : 201).entity(PaymentJson.refund(refund).toString()).build();
    }

    @GET
    @Path("{id}/refunds")
    @Operation(summary = "The refunds of a payment")
    public String refunds(@PathParam("id") String id) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        payments.refunds(merchant.clientId(), id).forEach(r -> items.add(PaymentJson.refund(r)));
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static PaymentStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return PaymentStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw PaymentRuleException.invalid("Unknown status " + s + ".");
        }
    }

    private static Instant instant(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw PaymentRuleException.invalid(name + " is an ISO instant such as 2026-12-01T00:00:00Z.");
        }
    }
}
