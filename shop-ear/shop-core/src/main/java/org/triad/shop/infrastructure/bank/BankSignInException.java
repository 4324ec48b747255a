package org.triad.shop.infrastructure.bank;

/** The bank's answer to a sign-in could not be accepted (error, state or token invalid, bank unreachable). */
public class BankSignInException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public BankSignInException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BankSignInException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Short machine-readable reason: {@code access_denied}, {@code state}, {@code token}, {@code unreachable}, ... */
    public String reason() {
        return reason;
    }
}
