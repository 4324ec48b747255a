package org.triad.bank.interfaces.banking.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.History;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.application.banking.TransferOrder;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * The caller's cards and the money movements on them. Every money-moving call needs an {@code Idempotency-Key}
 * header; repeating a call with the same key returns the first result and moves nothing. Another customer's card
 * id answers 404 {@code card-not-found}, exactly like a card that does not exist.
 */
@Path("v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cards", description = "The caller's cards, deposits, withdrawals, transfers and card history")
public class CardsResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public record ActivateCardRequest(String code) {
    }

    /**
     * Amounts are read as text (a JSON string such as {@code "12.50"}, or a JSON number, whose text is taken as
     * written) and go through {@link Money#parsePositive(String)}: plain decimals only, the input never repeated.
     */
    public record DepositRequest(String amount, String code) {
    }

    public record WithdrawalRequest(String amount, String payPassword) {
    }

    public record TransferRequest(String toCardNumber, String amount, String payPassword, String code) {
    }

    @EJB
    CardService cards;

    @EJB
    Banking banking;

    @EJB
    History history;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List the caller's cards with full numbers and balances")
    public List<CardView> list() {
        return cards.cardsOf(Caller.id(request));
    }

    /** Opens a card (approved customers only); its activation code goes by email. */
    @POST
    @Operation(summary = "Apply for a card", description = "Approved customers only; the activation code goes by email.")
    @APIResponse(responseCode = "201", description = "Card PENDING_ACTIVATION")
    @APIResponse(responseCode = "403", description = "KYC not approved (kyc-required)")
    public Response apply() {
        CardView card = cards.apply(Caller.id(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(card.id())).build())
                .entity(card).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's cards")
    @APIResponse(responseCode = "200", description = "The card")
    @APIResponse(responseCode = "404", description = "No such card of the caller (card-not-found)")
    public CardView card(@PathParam("id") long id) {
        return cards.card(Caller.id(request), id);
    }

    @POST
    @Path("{id}/activation")
    @Operation(summary = "Activate a card with its emailed CARD_ACTIVATION code")
    @APIResponse(responseCode = "200", description = "Card ACTIVE")
    @APIResponse(responseCode = "422", description = "Wrong code (invalid-code)")
    public CardView activate(@PathParam("id") long id, ActivateCardRequest body) {
        Caller.body(body);
        return cards.activate(Caller.id(request), id, body.code());
    }

    @POST
    @Path("{id}/deposits")
    @RateLimited("money")
    @Operation(summary = "Deposit", description = "Needs a DEPOSIT code and an Idempotency-Key header; a retry with the same key returns the first receipt.")
    @APIResponse(responseCode = "201", description = "Deposited: receipt")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same key")
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing")
    @APIResponse(responseCode = "404", description = "No such card of the caller")
    @APIResponse(responseCode = "422", description = "invalid-amount, invalid-code, card-not-usable or idempotency-key-reused")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    @APIResponse(responseCode = "503", description = "Ledger busy; nothing moved, retry with the same key")
    public Response deposit(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key, DepositRequest body) {
        Caller.body(body);
        return created(banking.deposit(Caller.id(request), id, amount(body.amount()), Confirmation.code(body.code()), key));
    }

    @POST
    @Path("{id}/withdrawals")
    @RateLimited("money")
    @Operation(summary = "Withdraw", description = "Needs the pay password and an Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Withdrawn: receipt")
    @APIResponse(responseCode = "200", description = "Replay")
    @APIResponse(responseCode = "422", description = "invalid-amount, wrong-pay-password, insufficient-funds, card-not-usable")
    @APIResponse(responseCode = "423", description = "Pay password locked after 5 wrong attempts")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    @APIResponse(responseCode = "503", description = "Ledger busy; nothing moved")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                             WithdrawalRequest body) {
        Caller.body(body);
        return created(banking.withdraw(Caller.id(request), id, amount(body.amount()),
                Confirmation.payPassword(body.payPassword()), key));
    }

    @POST
    @Path("{id}/transfers")
    @RateLimited("transfer")
    @Operation(summary = "Transfer to another card", description = "Needs the pay password, a TRANSFER code and an Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Transferred: receipt")
    @APIResponse(responseCode = "200", description = "Replay")
    @APIResponse(responseCode = "400", description = "Idempotency-Key missing")
    @APIResponse(responseCode = "404", description = "No such card of the caller")
    @APIResponse(responseCode = "422", description = "invalid-amount, invalid-code, wrong-pay-password, insufficient-funds, recipient-not-available, idempotency-key-reused")
    @APIResponse(responseCode = "423", description = "Pay password locked")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    @APIResponse(responseCode = "503", description = "Ledger busy; nothing moved")
    public Response transfer(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                             TransferRequest body) {
        Caller.body(body);
        return created(banking.transfer(
                new TransferOrder(Caller.id(request), id, body.toCardNumber(), amount(body.amount()), key),
                new Confirmation(body.payPassword(), body.code())));
    }

    @GET
    @Path("{id}/transactions")
    @Operation(summary = "History of one card", description = "Filters from, to (exclusive), type; page from 0, size up to 200; newest first.")
    public HistoryPage transactions(@PathParam("id") long id, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("type") String type,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return history.ofCard(Caller.id(request), id, HistoryFilter.parse(from, to, type, page, size));
    }

    @GET
    @Path("{id}/transactions.csv")
    @Produces("text/csv")
    @Operation(summary = "History of one card as CSV")
    public Response transactionsCsv(@PathParam("id") long id, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("type") String type) {
        HistoryPage all = history.ofCard(Caller.id(request), id,
                HistoryFilter.parse(from, to, type, null, null).forExport());
        return HistoryCsv.response(all, "card-" + id + "-transactions.csv");
    }

    private static BigDecimal amount(String text) {
        return Money.parsePositive(text).amount();
    }

    /** 201 for a new movement, 200 for the replay of an earlier one. */
    private static Response created(Receipt receipt) {
        return Response.status(receipt.replayed() ? 200 : 201).entity(receipt).build();
    }
}
