package org.triad.bank.domain.model.card;

import org.triad.common.domain.DomainException;

/**
 * The card number a transfer names does not exist, is not active, or is frozen. One problem type for all three,
 * so that a transfer form cannot be used to probe which card numbers exist. Rolls the transaction back.
 */
public class RecipientNotAvailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RecipientNotAvailableException() {
        super("The recipient card does not exist or cannot receive money.");
    }

    @Override
    public String problemType() {
        return "recipient-not-available";
    }

    @Override
    public int status() {
        return 422;
    }
}
