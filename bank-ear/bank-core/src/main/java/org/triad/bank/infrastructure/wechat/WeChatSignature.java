package org.triad.bank.infrastructure.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** WeChat's callback signature: {@code sha1} of token, timestamp and nonce sorted and joined, in hex. */
public final class WeChatSignature {

    private WeChatSignature() {
    }

    public static String of(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean valid(String token, String timestamp, String nonce, String signature) {
        if (token == null || token.isEmpty() || timestamp == null || nonce == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(of(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
