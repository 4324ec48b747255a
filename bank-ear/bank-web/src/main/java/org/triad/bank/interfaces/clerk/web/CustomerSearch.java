package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/** Back office: find customers by name or email and KYC state, look at their cards, freeze and unfreeze cards. */
@Named
@ViewScoped
public class CustomerSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 200;

    @EJB
    transient ClerkService clerk;

    @Inject
    CurrentUser user;

    private String text;
    private String kyc;
    private List<CustomerView> found;
    private CustomerView selected;
    private List<CardView> cards;
    private List<DeviceView> devices;

    public void search() {
        try {
            found = clerk.search(user.id(), kyc == null || kyc.isBlank() ? null : kyc,
                    text == null || text.isBlank() ? null : text.trim(), 0, LIMIT);
            selected = null;
            cards = null;
        } catch (RuntimeException e) {
            Messages.failed("search", "clerk.searchFailed", e);
        }
    }

    public void select(CustomerView customer) {
        selected = customer;
        loadCards();
    }

    private void loadCards() {
        try {
            cards = clerk.cardsOf(user.id(), selected.id());
            devices = "CUSTOMER".equals(selected.role()) ? clerk.devicesOf(user.id(), selected.id()) : List.of();
        } catch (RuntimeException e) {
            Messages.failed(null, "clerk.searchFailed", e);
        }
    }

    public void freeze(long cardId) {
        try {
            CardView card = clerk.freeze(user.id(), cardId);
            Messages.info("clerk.frozen", Messages.text("clerk.frozen.detail", card.maskedNumber()));
        } catch (RuntimeException e) {
            Messages.failed(null, "clerk.freezeFailed", e);
        }
        loadCards();
    }

    public void unfreeze(long cardId) {
        try {
            CardView card = clerk.unfreeze(user.id(), cardId);
            Messages.info("clerk.unfrozen", Messages.text("clerk.unfrozen.detail", card.maskedNumber()));
        } catch (RuntimeException e) {
            Messages.failed(null, "clerk.freezeFailed", e);
        }
        loadCards();
    }

    /** Signs the selected customer out on every device (confirmed in a dialog). */
    public void signOutEverywhere() {
        try {
            int n = clerk.signOutEverywhere(user.id(), selected.id());
            Messages.info("clerk.signedOutAll", Messages.text("clerk.signedOutAll.detail", n, selected.email()));
        } catch (RuntimeException e) {
            Messages.failed(null, "clerk.signOutFailed", e);
        }
        loadCards();
    }

    public List<DeviceView> getDevices() {
        return devices;
    }

    public long getActiveDevices() {
        return devices == null ? 0 : devices.stream().filter(DeviceView::active).count();
    }

    public List<CustomerView> getFound() {
        if (found == null) {
            search();
        }
        return found;
    }

    public CustomerView getSelected() {
        return selected;
    }

    public List<CardView> getCards() {
        return cards;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getKyc() {
        return kyc;
    }

    public void setKyc(String kyc) {
        this.kyc = kyc;
    }
}
