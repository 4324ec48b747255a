package org.triad.bank.domain.model.card;

import org.triad.common.domain.DomainException;

/** The card exists but its state (pending activation, frozen) does not allow the operation. Rolls the transaction back. */
public class CardNotUsableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CardNotUsableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "card-not-usable";
    }

    @Override
    public int status() {
        return 422;
    }
}
