package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.triad.shop.application.flash.FlashClaimView;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.order.Checkout;

/**
 * Checking out a flash-sale unit ({@code checkout/flash.xhtml?claim=}, buyers): recipient, phone, address, then the
 * bank's cashier. Another buyer's claim is "not found".
 */
@Named
@ViewScoped
public class FlashCheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient FlashSaleService flash;

    @Inject
    CurrentUser currentUser;

    private Long claimId;
    private FlashClaimView claim;
    private String contactName;
    private String phone;
    private String address;

    public void load() {
        if (claimId == null) {
            return;
        }
        try {
            claim = flash.claimOf(currentUser.id(), claimId);
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
    }

    public void place() throws IOException {
        CheckoutView view;
        try {
            view = flash.checkout(currentUser.id(), claimId, new Checkout.Contact(contactName, phone, address));
        } catch (RuntimeException e) {
            Messages.refused(e, "flash-checkout");
            load();
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        if (view.cashierUrl() != null) {
            external.redirect(view.cashierUrl());
        } else {
            external.redirect(external.getRequestContextPath() + "/checkout/done.xhtml?checkout=" + view.id());
        }
    }

    public String getHoldUntil() {
        return claim == null ? "" : Dates.time(claim.holdUntil());
    }

    public FlashClaimView getClaim() {
        return claim;
    }

    public Long getClaimId() {
        return claimId;
    }

    public void setClaimId(Long claimId) {
        this.claimId = claimId;
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
