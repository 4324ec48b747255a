package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ratings.FeedbackService;
import org.triad.shop.application.ratings.FeedbackView;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** The feedback sent to the shop, {@code /api/v1/admin/feedback} (shop admins only: others 403). */
@Path("v1/admin/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class AdminFeedbackResource {

    @EJB
    FeedbackService feedback;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Feedback to the shop, newest first")
    public FeedbackView.Page list(@QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("50") int max) {
        Callers.id(security);
        if (!security.isUserInRole("shop-admin")) {
            throw ShopRuleException.forbidden("not-a-shop-admin", "Only shop admins read the feedback.");
        }
        return feedback.newest(first, max);
    }
}
