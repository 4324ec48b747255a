package org.triad.ca.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.triad.ca.domain.model.certificate.WeakKeyException;

class KeyPolicyTest {

    static SubjectPublicKeyInfo key(String algorithm, Object size) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, CaKeys.BC);
        if (size instanceof Integer bits) {
            g.initialize(bits);
        } else if (size instanceof String curve) {
            g.initialize(new ECGenParameterSpec(curve));
        }
        return SubjectPublicKeyInfo.getInstance(g.generateKeyPair().getPublic().getEncoded());
    }

    @Test
    void acceptsStrongKeysAndNamesThem() throws Exception {
        assertThat(KeyPolicy.check(key("EC", "secp256r1"))).isEqualTo("EC P-256");
        assertThat(KeyPolicy.check(key("EC", "secp384r1"))).isEqualTo("EC P-384");
        assertThat(KeyPolicy.check(key("RSA", 2048))).isEqualTo("RSA 2048");
        assertThat(KeyPolicy.check(key("Ed25519", null))).isEqualTo("Ed25519");
    }

    @Test
    void refusesShortRsaUnknownCurvesAndOtherAlgorithms() throws Exception {
        assertThatThrownBy(() -> KeyPolicy.check(key("RSA", 1024))).isInstanceOf(WeakKeyException.class)
                .hasMessageContaining("at least 2048").hasMessageContaining("1024");
        assertThatThrownBy(() -> KeyPolicy.check(key("EC", "secp256k1"))).isInstanceOf(WeakKeyException.class)
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> KeyPolicy.check(key("DSA", 2048))).isInstanceOf(WeakKeyException.class)
                .hasMessageContaining("Unsupported");
    }
}
