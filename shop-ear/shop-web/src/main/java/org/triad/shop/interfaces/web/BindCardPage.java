package org.triad.shop.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.interfaces.security.SignedIn;

/**
 * "Bind bank account": the cards the bank just listed (masked number, nickname, status; kept in the HTTP session by
 * the callback for this page only), the one to pick and what for (payouts as a seller, or payment).
 */
@Named
@ViewScoped
public class BindCardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String CARDS = SignedIn.class.getName() + ".cards";

    @EJB
    transient AccountService accounts;

    @Inject
    transient CurrentUser currentUser;

    private List<BankCard> cards = new ArrayList<>();
    private String cardRef;
    private CardPurpose purpose = CardPurpose.PAYOUT;

    @PostConstruct
    @SuppressWarnings("unchecked")
    void load() {
        Object listed = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(CARDS);
        if (listed instanceof List<?> list) {
            cards = new ArrayList<>((List<BankCard>) list);
        }
        cards.stream().filter(BankCard::usable).findFirst().ifPresent(c -> cardRef = c.cardRef());
    }

    public String bind() {
        try {
            accounts.bindCard(currentUser.id(), purpose, cards, cardRef);
        } catch (RuntimeException e) {
            Messages.refused(e, "bind");
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getSessionMap().remove(CARDS);
        return "/account/index?faces-redirect=true&bound=true";
    }

    public CardPurpose[] getPurposes() {
        return CardPurpose.values();
    }

    public List<BankCard> getCards() {
        return cards;
    }

    public String getCardRef() {
        return cardRef;
    }

    public void setCardRef(String cardRef) {
        this.cardRef = cardRef;
    }

    public CardPurpose getPurpose() {
        return purpose;
    }

    public void setPurpose(CardPurpose purpose) {
        this.purpose = purpose;
    }
}
