package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.orders.CartService;
import org.triad.shop.application.orders.CartView;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** The caller's cart, {@code /api/v1/cart} (Bearer access token of the bank). Every answer is the cart re-checked. */
@Path("v1/cart")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cart", description = "The buyer's cart")
public class CartResource {

    public record LineRequest(Long itemId, Integer quantity, String options) {
    }

    @EJB
    CartService carts;

    @Context
    SecurityContext security;

    private String owner() {
        return CartService.userOwner(Callers.id(security));
    }

    @GET
    @Operation(summary = "The cart with current prices and stock, and what changed since the last look")
    public CartView get() {
        return carts.view(owner());
    }

    @POST
    @Path("lines")
    @Operation(summary = "Add units of an item (more of the same item and options add up)")
    public CartView add(LineRequest request) {
        if (request == null || request.itemId() == null) {
            throw ShopRuleException.invalid("itemId", "Send itemId and quantity.");
        }
        return carts.add(owner(), request.itemId(), quantity(request), request.options());
    }

    @PUT
    @Path("lines/{id}")
    @Operation(summary = "Change a line's quantity")
    public CartView quantity(@PathParam("id") long id, LineRequest request) {
        return carts.setQuantity(owner(), id, quantity(request));
    }

    @DELETE
    @Path("lines/{id}")
    @Operation(summary = "Remove a line")
    public CartView remove(@PathParam("id") long id) {
        return carts.remove(owner(), id);
    }

    private static int quantity(LineRequest request) {
        if (request == null || request.quantity() == null) {
            throw ShopRuleException.invalid("quantity", "Send the quantity.");
        }
        return request.quantity();
    }
}
