package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.SellerService;

/**
 * The seller API, {@code /api/v1/seller/items} (Bearer access token of the bank): a seller's own items. Buyers get
 * 403 {@code not-a-seller}; another seller's item is 404 {@code item-not-found}; bad input 422
 * {@code invalid-<field>}; nothing changes on any refusal.
 */
@Path("v1/seller/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller", description = "The seller centre's items")
public class SellerItemsResource {

    /** An item as sent by a seller; the price is a decimal string ("12.50"), exact. */
    public record ItemRequest(String title, String description, Long categoryId, String price, Integer stock,
                              String options) {

        ItemForm form() {
            return new ItemForm(title, description, categoryId, price, stock, options);
        }
    }

    public record StockRequest(Integer stock) {
    }

    public record SaleRequest(Boolean onSale) {
    }

    @EJB
    SellerService sellers;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The caller's items, last changed first")
    public List<ItemView> list(@QueryParam("first") @DefaultValue("0") int first,
                               @QueryParam("max") @DefaultValue("50") int max) {
        return sellers.myItems(Callers.id(security), first, max);
    }

    @GET
    @Path("{id}")
    public ItemView get(@PathParam("id") long id) {
        return sellers.myItem(Callers.id(security), id);
    }

    @POST
    @Operation(summary = "A new draft")
    public Response create(ItemRequest request) {
        ItemView created = sellers.create(Callers.id(security), body(request).form());
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit content and stock; an approved item goes back to review, its approved copy stays on sale")
    public ItemView edit(@PathParam("id") long id, ItemRequest request) {
        return sellers.edit(Callers.id(security), id, body(request).form());
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for review")
    public ItemView submit(@PathParam("id") long id) {
        return sellers.submit(Callers.id(security), id);
    }

    @PUT
    @Path("{id}/stock")
    @Operation(summary = "Set the stock (audited)")
    public ItemView stock(@PathParam("id") long id, StockRequest request) {
        if (request == null || request.stock() == null) {
            throw org.triad.shop.domain.model.shared.ShopRuleException.invalid("stock", "Send the stock.");
        }
        return sellers.adjustStock(Callers.id(security), id, request.stock());
    }

    @PUT
    @Path("{id}/on-sale")
    @Operation(summary = "Open or close an approved item for sale")
    public ItemView onSale(@PathParam("id") long id, SaleRequest request) {
        if (request == null || request.onSale() == null) {
            throw org.triad.shop.domain.model.shared.ShopRuleException.invalid("onSale", "Send onSale.");
        }
        return sellers.setOnSale(Callers.id(security), id, request.onSale());
    }

    @POST
    @Path("{id}/images")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Add an image (the raw file as body, at most 5 MB); accepted by content, stored re-encoded")
    public Response addImage(@PathParam("id") long id, byte[] body) {
        return Response.status(201).entity(sellers.addImage(Callers.id(security), id, body)).build();
    }

    @jakarta.ws.rs.DELETE
    @Path("{id}/images/{imageId}")
    public ItemView removeImage(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        return sellers.removeImage(Callers.id(security), id, imageId);
    }

    private static ItemRequest body(ItemRequest request) {
        if (request == null) {
            throw org.triad.shop.domain.model.shared.ShopRuleException.invalid("body", "Send the item.");
        }
        return request;
    }
}
