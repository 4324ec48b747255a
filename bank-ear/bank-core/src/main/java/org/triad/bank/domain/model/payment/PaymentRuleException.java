package org.triad.bank.domain.model.payment;

import org.triad.common.domain.RuleException;

/**
 * A payment rule was broken (a state that does not allow the step, a refund above what was paid, a payee card that
 * cannot cover a refund, ...). Names its problem type and status; rolls the transaction back.
 */
public class PaymentRuleException extends RuleException {

    private static final long serialVersionUID = 1L;

    public PaymentRuleException(String problemType, int status, String message) {
        super(problemType, status, message);
    }

    public static PaymentRuleException notFound() {
        return new PaymentRuleException("payment-not-found", 404, "No such payment.");
    }

    public static PaymentRuleException invalid(String message) {
        return new PaymentRuleException("invalid-payment", 422, message);
    }
}
