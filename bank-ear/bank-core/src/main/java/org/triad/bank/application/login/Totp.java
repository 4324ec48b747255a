package org.triad.bank.application.login;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.triad.bank.application.support.Hashes;

/**
 * RFC 6238 with java-otp: HMAC-SHA1, 6 digits, 30-second steps; a code is accepted for the current step and one
 * step either side (clock drift). Secrets are 160 random bits, shown to the customer in Base32.
 */
public final class Totp {

    public static final String ISSUER = "Triad Bank";
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int WINDOW = 1;

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        Hashes.random().nextBytes(secret);
        return secret;
    }

    public static String base32(byte[] secret) {
        return Base32.encode(secret);
    }

    /** The {@code otpauth://} URI authenticator apps read from the QR code. */
    public static String uri(String email, byte[] secret) {
        String label = enc(ISSUER) + ":" + enc(email);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static long stepAt(Instant now) {
        return now.getEpochSecond() / STEP.toSeconds();
    }

    /**
     * The time step whose code matches, or -1. Steps up to {@code lastUsedStep} are not considered (replay).
     */
    public static long matchingStep(byte[] secret, String code, Instant now, Long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long current = stepAt(now);
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
                    TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
            SecretKeySpec key = new SecretKeySpec(secret, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
            long found = -1;
            for (long step = current - WINDOW; step <= current + WINDOW; step++) {
                String expected = generator.generateOneTimePasswordString(key,
                        Instant.ofEpochSecond(step * STEP.toSeconds()), java.util.Locale.ROOT);
                // compare every candidate, so the time taken does not say which step matched
                if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII)) && (lastUsedStep == null || step > lastUsedStep)) {
                    found = step;
                }
            }
            return found;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
