package org.triad.shop.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Password hashes of local shop accounts, with the bank's parameters (Jakarta Security PBKDF2-HMAC-SHA256, 30,000
 * iterations, 16-byte salt, 32-byte key; the stored form carries them) and its length rule (12 to 128 characters).
 */
@ApplicationScoped
public class ShopPasswords {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "30000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = pbkdf2.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    public String hash(String secret) {
        return pbkdf2.generate(secret.toCharArray());
    }

    public boolean matches(String secret, String hash) {
        return secret != null && hash != null && pbkdf2.verify(secret.toCharArray(), hash);
    }

    /** Spends the time of a real verification (unknown login names answer as slowly as wrong passwords). */
    public void burn(String secret) {
        pbkdf2.verify((secret == null ? "" : secret).toCharArray(), dummyHash);
    }

    public static void requireAcceptable(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw ShopRuleException.invalid("password", "The password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw ShopRuleException.invalid("password", "The password has at most " + MAX_PASSWORD_LENGTH
                    + " characters.");
        }
    }
}
