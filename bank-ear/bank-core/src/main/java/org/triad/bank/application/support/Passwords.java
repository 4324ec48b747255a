package org.triad.bank.application.support;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * Slow hashes (Jakarta Security PBKDF2-HMAC-SHA256) for login passwords, pay passwords and one-time codes. The
 * stored form carries algorithm, iterations and salt, so the cost can be raised later without breaking old hashes.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    // Hash of a random value: verified against when the login is unknown, so timing does not reveal that.
    private String dummyHash;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "30000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummyHash = pbkdf2.generate(Hashes.randomToken().toCharArray());
    }

    public String hash(String secret) {
        return pbkdf2.generate(secret.toCharArray());
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null) {
            return false;
        }
        return pbkdf2.verify(secret.toCharArray(), hash);
    }

    /** Spends the same time as a real verification. */
    public void burn(String secret) {
        pbkdf2.verify((secret == null ? "" : secret).toCharArray(), dummyHash);
    }

    /** OWASP ASVS 2.1.1/2.1.2: at least 12 characters, at most 128. */
    public static void requireAcceptablePassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("The password has at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
    }

    public static void requireAcceptablePayPassword(String payPassword) {
        if (payPassword == null || !payPassword.matches("\\d{6}")) {
            throw new InvalidInputException("The pay password is exactly 6 digits.");
        }
    }
}
