package org.triad.bank.interfaces.rest;

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
import org.triad.bank.application.Banking;
import org.triad.bank.application.CardService;
import org.triad.bank.application.CardView;
import org.triad.bank.application.History;
import org.triad.bank.application.HistoryFilter;
import org.triad.bank.application.HistoryPage;
import org.triad.bank.application.Receipt;

/**
 * The caller's cards and the money movements on them. Every money-moving call needs an {@code Idempotency-Key}
 * header; repeating a call with the same key returns the first result and moves nothing. Another customer's card
 * id answers 404 {@code card-not-found}, exactly like a card that does not exist.
 */
@Path("v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardsResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public record ActivateCardRequest(String code) {
    }

    public record DepositRequest(BigDecimal amount, String code) {
    }

    public record WithdrawalRequest(BigDecimal amount, String payPassword) {
    }

    public record TransferRequest(String toCardNumber, BigDecimal amount, String payPassword, String code) {
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
    public List<CardView> list() {
        return cards.cardsOf(Caller.id(request));
    }

    /** Opens a card (approved customers only); its activation code goes by email. */
    @POST
    public Response apply() {
        CardView card = cards.apply(Caller.id(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(card.id())).build())
                .entity(card).build();
    }

    @GET
    @Path("{id}")
    public CardView card(@PathParam("id") long id) {
        return cards.card(Caller.id(request), id);
    }

    @POST
    @Path("{id}/activation")
    public CardView activate(@PathParam("id") long id, ActivateCardRequest body) {
        Caller.body(body);
        return cards.activate(Caller.id(request), id, body.code());
    }

    @POST
    @Path("{id}/deposits")
    public Response deposit(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key, DepositRequest body) {
        Caller.body(body);
        return created(banking.deposit(Caller.id(request), id, body.amount(), body.code(), key));
    }

    @POST
    @Path("{id}/withdrawals")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                             WithdrawalRequest body) {
        Caller.body(body);
        return created(banking.withdraw(Caller.id(request), id, body.amount(), body.payPassword(), key));
    }

    @POST
    @Path("{id}/transfers")
    public Response transfer(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                             TransferRequest body) {
        Caller.body(body);
        return created(banking.transfer(Caller.id(request), id, body.toCardNumber(), body.amount(),
                body.payPassword(), body.code(), key));
    }

    @GET
    @Path("{id}/transactions")
    public HistoryPage transactions(@PathParam("id") long id, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("type") String type,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return history.ofCard(Caller.id(request), id, HistoryFilter.parse(from, to, type, page, size));
    }

    @GET
    @Path("{id}/transactions.csv")
    @Produces("text/csv")
    public Response transactionsCsv(@PathParam("id") long id, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("type") String type) {
        HistoryPage all = history.ofCard(Caller.id(request), id,
                HistoryFilter.parse(from, to, type, null, null).forExport());
        return HistoryCsv.response(all, "card-" + id + "-transactions.csv");
    }

    /** 201 for a new movement, 200 for the replay of an earlier one. */
    private static Response created(Receipt receipt) {
        return Response.status(receipt.replayed() ? 200 : 201).entity(receipt).build();
    }
}
