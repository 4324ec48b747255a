package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.triad.shop.application.orders.CartService;
import org.triad.shop.application.orders.CartView;
import org.triad.shop.application.orders.CheckoutService;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.order.Checkout;

/**
 * Checkout ({@code checkout/index.xhtml}, buyers): recipient, phone and address, the cart as it stands, one order per
 * seller; "Place order and pay" reserves the stock, creates the bank payment and sends the buyer to the bank's
 * cashier. A refusal (price changed, sold out, ...) is shown and nothing was ordered.
 */
@Named
@ViewScoped
public class CheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CheckoutService checkouts;

    @EJB
    transient CartService carts;

    @Inject
    CurrentUser currentUser;

    private String contactName;
    private String phone;
    private String address;
    private CartView cart;

    public CartView getCart() {
        if (cart == null) {
            cart = carts.view(CartService.userOwner(currentUser.id()));
        }
        return cart;
    }

    public void place() throws IOException {
        CheckoutView view;
        try {
            view = checkouts.checkout(currentUser.id(), new Checkout.Contact(contactName, phone, address));
        } catch (RuntimeException e) {
            cart = null;
            Messages.refused(e, "checkout");
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        if (view.cashierUrl() != null) {
            external.redirect(view.cashierUrl());
        } else {
            external.redirect(external.getRequestContextPath() + "/checkout/done.xhtml?checkout=" + view.id());
        }
    }

    public String getContactName() {
        if (contactName == null && currentUser.getProfile() != null) {
            contactName = currentUser.getProfile().nickname();
        }
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
