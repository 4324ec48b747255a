package org.triad.bank.application.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.triad.bank.application.support.Hashes;

/**
 * Client secrets: 256 random bits shown once, stored as {@code sha256:<hex>} (a fast hash is enough for a
 * high-entropy secret, and keeps the token endpoint fast); compared in constant time.
 */
public final class ClientSecrets {

    private static final String PREFIX = "sha256:";

    private ClientSecrets() {
    }

    public static String newSecret() {
        return Hashes.randomToken();
    }

    public static String hash(String secret) {
        return PREFIX + Hashes.sha256Hex(secret);
    }

    public static boolean matches(String secret, String stored) {
        if (secret == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }
}
