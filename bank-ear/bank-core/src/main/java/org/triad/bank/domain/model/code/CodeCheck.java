package org.triad.bank.domain.model.code;

/**
 * Outcome of entering a code. A result rather than an exception: the attempt counter must be stored even though
 * the request then fails (an exception would roll that back too).
 */
public enum CodeCheck {
    ACCEPTED, WRONG, EXPIRED, USED, EXHAUSTED, NOT_REQUESTED;

    public boolean accepted() {
        return this == ACCEPTED;
    }

    public InvalidCodeException toException() {
        return new InvalidCodeException(switch (this) {
            case WRONG -> "The code is wrong.";
            case EXPIRED -> "The code has expired; request a new one.";
            case USED -> "The code was already used; request a new one.";
            case EXHAUSTED -> "Too many wrong attempts; request a new code.";
            case NOT_REQUESTED -> "No code was requested for this purpose.";
            case ACCEPTED -> throw new IllegalStateException("accepted");
        });
    }
}
