package org.triad.ca.infrastructure.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key generation, serial numbers and signers shared by the CA's services. */
public final class CaKeys {

    /** A private BouncyCastle instance; see the package documentation. */
    public static final Provider BC = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private CaKeys() {
    }

    /** {@code EC} (P-256) or {@code RSA} with the given size. */
    public static KeyPair generate(String algorithm, int rsaBits) {
        try {
            if ("RSA".equalsIgnoreCase(algorithm)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(rsaBits, RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** SHA-256 with ECDSA or RSA, matching the signing key. */
    public static String signatureAlgorithm(PublicKey key) {
        return "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    }

    public static ContentSigner signer(PrivateKey key, PublicKey matchingPublicKey) {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm(matchingPublicKey)).setProvider(BC).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA key", e);
        }
    }

    /**
     * A positive serial of 127 random bits (CA/Browser Forum: at least 64), never zero, at most
     * 20 octets as RFC 5280 requires.
     */
    public static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, RANDOM);
        } while (serial.bitLength() < 64);
        return serial;
    }

    /** Lower-case hex, the form serials take in the API and the database. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}
