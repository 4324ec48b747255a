package org.triad.bank.application.payments;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payment as a merchant asks for it ({@code POST /api/v1/payments}), before any check.
 *
 * @param buyer     the bank {@code sub} of the only customer who may pay, or {@code null} for anyone
 * @param expiresIn seconds until it expires ({@code null}: 30 minutes; at most 24 hours)
 */
public record NewPayment(String buyer, List<Payee> payees, BigDecimal total, String currency, Long expiresIn,
                         String returnUrl, String metadata) {

    /** {@code cardRef}: a card reference of the merchant's app, or {@code "settlement"}. */
    public record Payee(String cardRef, BigDecimal amount, String merchantOrderId, String description) {
    }
}
