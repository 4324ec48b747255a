package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.triad.shop.application.orders.CheckoutService;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * The page the bank's cashier returns to ({@code checkout/done.xhtml?checkout=}): the checkout's orders and state,
 * asked of the bank when opened, and kept current without reloading (live updates re-render it). Another buyer's
 * checkout answers 404.
 */
@Named
@RequestScoped
public class CheckoutDonePage {

    @EJB
    CheckoutService checkouts;

    @Inject
    CurrentUser currentUser;

    private Long checkout;
    private CheckoutView view;

    public void load() throws IOException {
        try {
            if (checkout == null) {
                throw ShopRuleException.notFound("checkout");
            }
            view = checkouts.refresh(currentUser.id(), checkout);
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such checkout");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** Re-read (live update). */
    public void reload() {
        view = checkouts.view(currentUser.id(), checkout);
    }

    public void pay() throws IOException {
        try {
            view = checkouts.pay(currentUser.id(), checkout);
            if (view.cashierUrl() != null && view.status() == CheckoutStatus.OPEN) {
                FacesContext.getCurrentInstance().getExternalContext().redirect(view.cashierUrl());
            }
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
    }

    public void cancel() {
        try {
            view = checkouts.cancel(currentUser.id(), checkout);
            Messages.info("checkout.cancelled");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
            reload();
        }
    }

    public CheckoutView getView() {
        return view;
    }

    public Long getCheckout() {
        return checkout;
    }

    public void setCheckout(Long checkout) {
        this.checkout = checkout;
    }
}
