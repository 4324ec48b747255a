package org.triad.bank.interfaces.banking.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
import org.triad.bank.application.payments.CardReferences;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * The caller's cards, masked, for third-party apps: needs the scope {@code cards:read} (a token without it gets
 * 403 {@code insufficient_scope}). Neither full numbers nor balances leave the bank this way: each card is named by
 * an opaque {@code card_ref} of the calling app, which that app (and no other) can name as a payee of a payment.
 */
@Path("v1/me/cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open platform", description = "Resources that approved third-party apps may call with the customer's consent")
public class MeCardsResource {

    /** The references of callers without an access token (portal session, HTTP Basic). */
    static final String FIRST_PARTY = "triad-bank";

    /** A card as an app sees it: an opaque reference of this app, the masked number and the state. */
    public record MaskedCard(@JsonbProperty("card_ref") String cardRef, String number, String status) {
    }

    @EJB
    CardService cards;

    @EJB
    CardReferences references;

    @Inject
    CallerToken caller;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The caller's cards, masked (scope cards:read)")
    public List<MaskedCard> list() {
        long customerId = Caller.id(request);
        caller.requireScope(Scopes.CARDS_READ);
        String clientId = caller.token().map(t -> t.clientId()).orElse(FIRST_PARTY);
        return cards.cardsOf(customerId).stream().map(c -> new MaskedCard(
                CardReferences.refFor(references, clientId, c.id()), c.maskedNumber(), c.status())).toList();
    }
}
