package org.triad.shop.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BindingView;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;

/** "My account": roles, the bound cards (bind, re-bind, unbind) and becoming a seller. */
@Named
@ViewScoped
public class AccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountService accounts;

    @Inject
    transient CurrentUser currentUser;

    private List<BindingView> bindings;
    private boolean acceptTerms;
    private String bankError;

    @PostConstruct
    void load() {
        bindings = accounts.bindings(currentUser.id());
    }

    public BindingView binding(String purpose) {
        CardPurpose p = CardPurpose.valueOf(purpose);
        return bindings.stream().filter(b -> b.purpose() == p).findFirst().orElse(null);
    }

    public String getSellerTermsVersion() {
        return ShopUser.SELLER_TERMS_VERSION;
    }

    public String becomeSeller() {
        if (!acceptTerms) {
            Messages.refused(new org.triad.shop.domain.model.shared.ShopRuleException("seller-terms-required", 409,
                    "terms", "Accept the seller terms."), "seller");
            return null;
        }
        try {
            accounts.becomeSeller(currentUser.id(), ShopUser.SELLER_TERMS_VERSION);
        } catch (RuntimeException e) {
            Messages.refused(e, "seller");
            return null;
        }
        // the new role counts from the next request: go to the seller centre
        return "/seller/items?faces-redirect=true&welcome=true";
    }

    public void unbind(String purpose) {
        try {
            accounts.unbindCard(currentUser.id(), CardPurpose.valueOf(purpose));
            Messages.info("account.unbound");
        } catch (RuntimeException e) {
            Messages.refused(e, "cards");
        }
        load();
    }

    public String getBankErrorText() {
        if (bankError == null || bankError.isBlank()) {
            return null;
        }
        String text = Messages.text("signin.bankError." + bankError.replaceAll("[^a-z_-]", ""));
        return text != null ? text : Messages.text("signin.bankError.other");
    }

    public List<BindingView> getBindings() {
        return bindings;
    }

    public boolean isAcceptTerms() {
        return acceptTerms;
    }

    public void setAcceptTerms(boolean acceptTerms) {
        this.acceptTerms = acceptTerms;
    }

    public String getBankError() {
        return bankError;
    }

    public void setBankError(String bankError) {
        this.bankError = bankError;
    }
}
