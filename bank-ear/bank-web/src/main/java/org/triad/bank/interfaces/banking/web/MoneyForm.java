package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.domain.model.ledger.IdempotencyKey;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * What the deposit, withdrawal and transfer screens share: the caller's active cards, the amount, the receipt of
 * the last movement and the form's idempotency token. The token is made when the form is rendered and travels in a
 * hidden field, so a double submit (or a browser retry) sends the same key and the bank moves the money once; after
 * a movement went through, the form gets a new token for the next one.
 */
abstract class MoneyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CardService cardService;

    @Inject
    CurrentUser user;

    private List<CardView> cards;
    private Long cardId;
    private BigDecimal amount;
    private String idempotencyKey = newKey();
    private Receipt receipt;

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Cards money can move from or to: the active ones. */
    public List<CardView> getCards() {
        if (cards == null) {
            cards = cardService.cardsOf(user.id()).stream().filter(c -> "ACTIVE".equals(c.status())).toList();
            if (cardId == null && !cards.isEmpty()) {
                cardId = cards.get(0).id();
            }
        }
        return cards;
    }

    /** After a movement: show its receipt, forget the inputs, refresh balances and take a new token. */
    void done(Receipt receipt) {
        this.receipt = receipt;
        this.amount = null;
        this.cards = null;
        this.idempotencyKey = newKey();
    }

    public Long getCardId() {
        if (cardId == null) {
            getCards();
        }
        return cardId;
    }

    public void setCardId(Long cardId) {
        this.cardId = cardId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        // a tampered or empty value still gives one key per form, never none
        this.idempotencyKey = IdempotencyKey.isValid(idempotencyKey) ? idempotencyKey : newKey();
    }

    public Receipt getReceipt() {
        return receipt;
    }

    long customerId() {
        return user.id();
    }
}
