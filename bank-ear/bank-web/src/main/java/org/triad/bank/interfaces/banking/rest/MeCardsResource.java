package org.triad.bank.interfaces.banking.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * The caller's cards, masked, for third-party apps: needs the scope {@code cards:read} (a token without it gets
 * 403 {@code insufficient_scope}). Neither full numbers nor balances leave the bank this way.
 */
@Path("v1/me/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open platform", description = "Resources that approved third-party apps may call with the customer's consent")
public class MeCardsResource {

    /** A card as an app sees it. */
    public record MaskedCard(long id, String number, String status) {
    }

    @EJB
    CardService cards;

    @Inject
    CallerToken caller;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The caller's cards, masked (scope cards:read)")
    public List<MaskedCard> list() {
        long customerId = Caller.id(request);
        caller.requireScope(Scopes.CARDS_READ);
        return cards.cardsOf(customerId).stream().map(c -> new MaskedCard(c.id(), c.maskedNumber(), c.status()))
                .toList();
    }
}
