package org.triad.bank.domain.model.payment;

import org.triad.bank.domain.model.money.Money;

/**
 * A payee as resolved for a new payment: the card to credit ({@code cardRef} {@code null} means the merchant's
 * settlement card), the amount, the merchant's order id (unique within the payment) and an optional description.
 */
public record Payee(long cardId, String cardRef, Money amount, String merchantOrderId, String description) {

    public static final int MAX_ORDER_ID = 64;
    public static final int MAX_DESCRIPTION = 200;

    public Payee {
        if (merchantOrderId == null || merchantOrderId.isBlank() || merchantOrderId.length() > MAX_ORDER_ID
                || !merchantOrderId.matches("[A-Za-z0-9._:\\-]+")) {
            throw PaymentRuleException.invalid("Each payee needs a merchant_order_id of 1 to " + MAX_ORDER_ID
                    + " letters, digits or . _ : -");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw PaymentRuleException.invalid("A description has at most " + MAX_DESCRIPTION + " characters.");
        }
    }
}
