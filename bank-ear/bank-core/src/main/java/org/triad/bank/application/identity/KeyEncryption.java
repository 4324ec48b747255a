package org.triad.bank.application.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of private keys under a password: {@code v1.<salt>.<iv>.<ciphertext>} (base64url), the key
 * derived with PBKDF2-HMAC-SHA256 (210,000 iterations, per-value salt), the key id bound as associated data so a
 * ciphertext cannot be moved to another key's row.
 */
final class KeyEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 210_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private KeyEncryption() {
    }

    static String encrypt(char[] password, String associated, byte[] plain) {
        try {
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(password, salt), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return "v1." + B64.encodeToString(salt) + "." + B64.encodeToString(iv) + "."
                    + B64.encodeToString(cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a key", e);
        }
    }

    static byte[] decrypt(char[] password, String associated, String encrypted) throws GeneralSecurityException {
        String[] parts = encrypted.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new GeneralSecurityException("unknown key encryption format");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key(password, D64.decode(parts[1])),
                new GCMParameterSpec(128, D64.decode(parts[2])));
        cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(D64.decode(parts[3]));
    }

    private static SecretKeySpec key(char[] password, byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }
}
