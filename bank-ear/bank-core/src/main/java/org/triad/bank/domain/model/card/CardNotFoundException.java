package org.triad.bank.domain.model.card;

import org.triad.common.domain.DomainException;

/** No such card, or not one of the caller's cards (the two are deliberately indistinguishable). Rolls the transaction back. */
public class CardNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CardNotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "card-not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
