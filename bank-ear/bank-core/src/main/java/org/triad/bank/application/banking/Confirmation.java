package org.triad.bank.application.banking;

/** What a customer types to confirm a movement: the pay password and/or the email code (either may be unused). */
public record Confirmation(String payPassword, String emailCode) {

    public static Confirmation code(String emailCode) {
        return new Confirmation(null, emailCode);
    }

    public static Confirmation payPassword(String payPassword) {
        return new Confirmation(payPassword, null);
    }
}
