package org.triad.bank.interfaces.banking.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.History;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.interfaces.support.rest.Caller;

/** The caller's history across all cards, and the recipient preview for transfers. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions", description = "The caller's history across cards and the transfer recipient preview")
public class TransactionsResource {

    @EJB
    History history;

    @EJB
    Banking banking;

    @Context
    HttpServletRequest request;

    @GET
    @Path("transactions")
    @Operation(summary = "History across the caller's cards", description = "Filters from, to (exclusive), type; page from 0, size up to 200; newest first.")
    public HistoryPage transactions(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("type") String type, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size) {
        return history.ofCustomer(Caller.id(request), HistoryFilter.parse(from, to, type, page, size));
    }

    @GET
    @Path("transactions.csv")
    @Produces("text/csv")
    @Operation(summary = "History across the caller's cards as CSV")
    public Response transactionsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("type") String type) {
        HistoryPage all = history.ofCustomer(Caller.id(request),
                HistoryFilter.parse(from, to, type, null, null).forExport());
        return HistoryCsv.response(all, "transactions.csv");
    }

    /** Who would receive a transfer to this card number, masked ({@code 422 recipient-not-available} if nobody). */
    @GET
    @Path("recipients")
    @Operation(summary = "Preview the recipient of a transfer", description = "Masked card number and name.")
    @APIResponse(responseCode = "200", description = "Recipient")
    @APIResponse(responseCode = "422", description = "No active card with this number (recipient-not-available)")
    public Banking.Recipient recipient(@QueryParam("cardNumber") String cardNumber) {
        return banking.recipient(Caller.id(request), cardNumber);
    }
}
