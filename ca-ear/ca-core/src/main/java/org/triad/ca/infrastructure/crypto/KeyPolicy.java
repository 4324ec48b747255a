package org.triad.ca.infrastructure.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.triad.ca.domain.model.certificate.WeakKeyException;

/**
 * Which public keys the CA certifies: RSA 2048–8192 bits (public exponent ≥ 65537), EC on P-256,
 * P-384 or P-521, and Ed25519. Everything else is refused.
 */
public final class KeyPolicy {

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private KeyPolicy() {
    }

    /**
     * @return a short description such as {@code EC P-256} or {@code RSA 3072}
     * @throws WeakKeyException if the key is not acceptable
     */
    public static String check(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            RSAPublicKey rsa;
            try {
                rsa = RSAPublicKey.getInstance(key.parsePublicKey());
            } catch (IOException | IllegalArgumentException e) {
                throw new WeakKeyException("The RSA public key is malformed.");
            }
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048) {
                throw new WeakKeyException("RSA keys must have at least 2048 bits; this one has " + bits + ".");
            }
            if (bits > 8192) {
                throw new WeakKeyException("RSA keys may have at most 8192 bits; this one has " + bits + ".");
            }
            if (rsa.getPublicExponent().compareTo(BigInteger.valueOf(65537)) < 0) {
                throw new WeakKeyException("The RSA public exponent must be at least 65537.");
            }
            return "RSA " + bits;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) || !CURVES.containsKey(curve)) {
                throw new WeakKeyException("Only the named curves P-256, P-384 and P-521 are accepted.");
            }
            return "EC " + CURVES.get(curve);
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return "Ed25519";
        }
        throw new WeakKeyException("Unsupported key algorithm " + algorithm.getId()
                + "; use RSA (≥ 2048 bits), EC P-256/P-384/P-521 or Ed25519.");
    }
}
