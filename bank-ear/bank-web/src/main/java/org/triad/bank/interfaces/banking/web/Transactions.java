package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.History;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** The customer's transaction history: all cards or one, filtered by dates and type, paged, as CSV. */
@Named
@ViewScoped
public class Transactions extends HistoryQuery {

    private static final long serialVersionUID = 1L;

    @EJB
    transient History history;

    @EJB
    transient CardService cardService;

    @Inject
    CurrentUser user;

    private Long cardId;
    private List<CardView> cards;

    @Override
    protected HistoryPage query(HistoryFilter filter) {
        return cardId == null ? history.ofCustomer(user.id(), filter) : history.ofCard(user.id(), cardId, filter);
    }

    @Override
    protected String formId() {
        return "filters";
    }

    public List<CardView> getCards() {
        if (cards == null) {
            cards = cardService.cardsOf(user.id());
        }
        return cards;
    }

    public Long getCardId() {
        return cardId;
    }

    public void setCardId(Long cardId) {
        this.cardId = cardId;
    }
}
