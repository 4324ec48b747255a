package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.shop.application.flash.FlashClaimView;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleView;

/**
 * Flash sales ({@code flash.xhtml}, everyone): the sales upcoming and live with the units left; a signed-in buyer
 * grabs one unit and is told how long it is held, then checks it out ({@code checkout/flash.xhtml}). The buyer's
 * claims are listed below.
 */
@Named
@ViewScoped
public class FlashPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient FlashSaleService flash;

    @Inject
    CurrentUser currentUser;

    private List<FlashSaleView> sales;
    private List<FlashClaimView> claims;

    public List<FlashSaleView> getSales() {
        if (sales == null) {
            sales = flash.current();
        }
        return sales;
    }

    public List<FlashClaimView> getClaims() {
        if (claims == null) {
            claims = currentUser.isSignedIn() ? flash.claims(currentUser.id()) : List.of();
        }
        return claims;
    }

    public void claim(long saleId) {
        try {
            FlashClaimView claim = flash.claim(currentUser.id(), saleId);
            Messages.info("flash.claimed", claim.title(), Dates.time(claim.holdUntil()));
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
        sales = null;
        claims = null;
    }
}
