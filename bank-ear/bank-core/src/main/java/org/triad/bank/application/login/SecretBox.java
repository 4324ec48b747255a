package org.triad.bank.application.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.Hashes;

/**
 * Encrypts small secrets at rest (TOTP secrets) with AES-256-GCM. The key is derived (PBKDF2-HMAC-SHA256) from
 * {@code triad.bank.key-encryption-password}; without it a random development secret is created once and kept in
 * the database ({@link DevKeySecret}), so development needs no configuration. Stored form:
 * {@code v1:<base64(12-byte nonce || ciphertext || tag)>}. Nothing here is ever logged.
 */
@ApplicationScoped
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final byte[] SALT = "triad-bank/secret-box/v1".getBytes(StandardCharsets.UTF_8);

    @Inject
    @ConfigProperty(name = "triad.bank.key-encryption-password")
    Optional<String> configuredPassword;

    @Inject
    DevKeySecret devSecret;

    private volatile SecretKey key;

    public String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            Hashes.random().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public byte[] open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret (wrong key-encryption password?)");
        }
    }

    private SecretKey key() throws GeneralSecurityException {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(devSecret::get);
                    byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(new PBEKeySpec(password.toCharArray(), SALT, 100_000, 256)).getEncoded();
                    key = new SecretKeySpec(derived, "AES");
                }
                k = key;
            }
        }
        return k;
    }
}
