package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The customer's start page: cards with balances (hidden on request, e.g. in public) and masked numbers that the
 * owner may show; applying for a card and activating it with the code from the mail.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CardService cardService;

    @EJB
    transient CustomerService customers;

    @Inject
    CurrentUser user;

    private List<CardView> cards;
    private boolean balancesHidden;
    private final Set<Long> shown = new HashSet<>();
    private final Map<Long, String> activationCodes = new HashMap<>();

    public List<CardView> getCards() {
        if (cards == null) {
            cards = cardService.cardsOf(user.id());
        }
        return cards;
    }

    public BigDecimal getTotal() {
        return getCards().stream().map(CardView::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isApproved() {
        return user.getProfile() != null && "APPROVED".equals(user.getProfile().kycStatus());
    }

    public void toggleBalances() {
        balancesHidden = !balancesHidden;
    }

    public void toggleNumber(long cardId) {
        if (!shown.remove(cardId)) {
            shown.add(cardId);
        }
    }

    public boolean isShown(long cardId) {
        return shown.contains(cardId);
    }

    /** The number as the page shows it: masked unless the owner asked to see it, in groups of four. */
    public String number(CardView card) {
        if (!shown.contains(card.id())) {
            return card.maskedNumber();
        }
        return card.number().replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    public void apply() {
        try {
            CardView card = cardService.apply(user.id());
            cards = null;
            Messages.info("card.applied", Messages.text("card.applied.detail", card.maskedNumber()));
        } catch (RuntimeException e) {
            Messages.failed(null, "card.applyFailed", e);
        }
    }

    public void requestActivationCode(long cardId) {
        try {
            customers.requestCode(user.id(), CodePurpose.CARD_ACTIVATION, cardId);
            Messages.info("code.sent", Messages.text("code.sent.detail"));
        } catch (RuntimeException e) {
            Messages.failed(null, "code.failed", e);
        }
    }

    public void activate(long cardId) {
        try {
            String code = activationCodes.get(cardId);
            CardView card = cardService.activate(user.id(), cardId, code == null ? "" : code.trim());
            cards = null;
            activationCodes.remove(cardId);
            Messages.info("card.activated", Messages.text("card.activated.detail", card.maskedNumber()));
        } catch (RuntimeException e) {
            Messages.failed(null, "card.activateFailed", e);
        }
    }

    public boolean isBalancesHidden() {
        return balancesHidden;
    }

    public Map<Long, String> getActivationCodes() {
        return activationCodes;
    }
}
