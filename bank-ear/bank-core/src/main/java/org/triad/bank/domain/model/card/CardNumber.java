package org.triad.bank.domain.model.card;

import java.util.Random;

/**
 * A 19-digit card number: the bank's 6-digit BIN, 12 random account digits and a Luhn check digit. Random (not
 * sequential) account digits make valid numbers of other customers hard to guess.
 */
public record CardNumber(String value) {

    public static final int LENGTH = 19;

    public CardNumber {
        if (value == null || !value.matches("\\d{" + LENGTH + "}")) {
            throw new IllegalArgumentException("A card number has " + LENGTH + " digits");
        }
        if (!isLuhnValid(value)) {
            throw new IllegalArgumentException("Card number fails the Luhn check");
        }
    }

    /** Parses user input, ignoring spaces; null if it is not a valid card number. */
    public static CardNumber parseOrNull(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replace(" ", "");
        if (!digits.matches("\\d{" + LENGTH + "}") || !isLuhnValid(digits)) {
            return null;
        }
        return new CardNumber(digits);
    }

    public static CardNumber generate(String bin, Random random) {
        if (bin == null || !bin.matches("\\d{6}")) {
            throw new IllegalArgumentException("The BIN has 6 digits: " + bin);
        }
        StringBuilder payload = new StringBuilder(bin);
        while (payload.length() < LENGTH - 1) {
            payload.append(random.nextInt(10));
        }
        return new CardNumber(payload.toString() + luhnCheckDigit(payload.toString()));
    }

    /** The digit that makes {@code payload + digit} pass the Luhn check. */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled once the check digit is appended
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean isLuhnValid(String digits) {
        return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** {@code 6222 **** **** ***1234}: first four and last four digits visible. */
    public String masked() {
        return value.substring(0, 4) + " **** **** ***" + value.substring(LENGTH - 4);
    }

    /** Grouped by four for display to the owner. */
    public String formatted() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(value, i, Math.min(value.length(), i + 4));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return masked();
    }
}
