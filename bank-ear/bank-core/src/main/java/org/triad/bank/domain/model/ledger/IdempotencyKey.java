package org.triad.bank.domain.model.ledger;

/**
 * The rule for the {@code Idempotency-Key} of a money-moving request: present, not blank, at most
 * {@value #MAX_LENGTH} characters. The one place that says so (REST, screens and the payment API check it here).
 */
public final class IdempotencyKey {

    public static final int MAX_LENGTH = 100;

    private IdempotencyKey() {
    }

    /** {@code key} if it follows the rule; {@link IdempotencyKeyMissingException} ({@code 400}) if not. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw new IdempotencyKeyMissingException("Every money-moving request needs an Idempotency-Key.");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IdempotencyKeyMissingException("The Idempotency-Key has at most " + MAX_LENGTH + " characters.");
        }
        return key;
    }

    /** Whether {@code key} follows the rule (for forms that make their own key when it does not). */
    public static boolean isValid(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LENGTH;
    }
}
