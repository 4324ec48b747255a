package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.triad.shop.application.orders.CartService;
import org.triad.shop.application.orders.CartView;

/**
 * The cart screen and the item page's "add to cart": a signed-in user's stored cart, or this browser's anonymous
 * cart ({@link CartCookie}). Every view re-checks prices and stock and shows what changed.
 */
@Named
@RequestScoped
public class CartPage {

    @EJB
    CartService carts;

    @Inject
    CurrentUser currentUser;

    private CartView cart;
    private Long itemId;
    private int quantity = 1;
    private String options;

    private String owner(boolean create) {
        Long user = currentUser.idOrNull();
        if (user != null) {
            return CartService.userOwner(user);
        }
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return create ? CartCookie.ownerOrNew((HttpServletRequest) ctx.getRequest(),
                (HttpServletResponse) ctx.getResponse()) : CartCookie.owner((HttpServletRequest) ctx.getRequest());
    }

    public CartView getCart() {
        if (cart == null) {
            String owner = owner(false);
            cart = owner == null ? new CartView(java.util.List.of(), java.math.BigDecimal.ZERO.setScale(2), 0, false)
                    : carts.view(owner);
        }
        return cart;
    }

    public int getCount() {
        String owner = owner(false);
        return owner == null ? 0 : carts.count(owner);
    }

    /** From the item page. */
    public void add() {
        try {
            cart = carts.add(owner(true), itemId, quantity, options);
            Messages.info("cart.added");
        } catch (RuntimeException e) {
            Messages.refused(e, "add-to-cart");
        }
    }

    public void update(long lineId, int newQuantity) {
        try {
            cart = carts.setQuantity(owner(false), lineId, newQuantity);
            Messages.info("cart.updated");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
    }

    public void remove(long lineId) {
        try {
            cart = carts.remove(owner(false), lineId);
            Messages.info("cart.removed");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }
}
