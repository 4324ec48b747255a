package org.triad.shop.infrastructure.bank;

/**
 * The bank did not do what the shop asked: {@link #unreachable()} (no answer, a timeout, TLS refused: try again
 * later with the same idempotency key), or a refusal with the bank's HTTP status and problem type
 * ({@code refund-not-covered}, {@code payment-not-cancellable}, ...).
 */
public class BankPaymentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;

    public BankPaymentException(int status, String problemType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
    }

    public static BankPaymentException unreachable(String message, Throwable cause) {
        return new BankPaymentException(0, "unreachable", message, cause);
    }

    public boolean unreachable() {
        return status == 0 || status >= 500;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }
}
