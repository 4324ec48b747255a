package org.triad.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.triad.testkit.TestPki;

/**
 * OutboxIT's test PKI, made in the test client before deployment: the bank's notification signing key, a TLS client
 * key for the bank, the receiver's localhost certificate, a truststore with the test root as {@code triad-root},
 * the root itself and the OCSP answers, all in a temporary directory; returns the deployment's configuration
 * pointing the bank at them. Never deployed (BouncyCastle stays out of the server).
 */
final class OutboxItPki {

    private OutboxItPki() {
    }

    static String prepare(String password) throws IOException {
        Path dir = Files.createTempDirectory("triad-outbox-it");
        int ocspPort = TestPki.freePort();
        TestPki pki = TestPki.create(dir, ocspPort, "OutboxIT Triad");
        pki.writeKeyStore(pki.signing("bank-notify", false), "triad-bank-notify", password, dir.resolve("bank-notify.p12"));
        pki.writeKeyStore(pki.tlsServer("receiver"), "receiver", password, dir.resolve("receiver.p12"));
        pki.writeKeyStore(pki.issue("bank-client", new KeyUsage(KeyUsage.digitalSignature),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth), null, false), "outbox-it-client", password,
                dir.resolve("client.p12"));
        pki.writeTrustStore("triad-root", password, dir.resolve("truststore.p12"));
        try {
            Files.write(dir.resolve("root.der"), pki.root().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return String.join("\n",
                "triad.bank.notify.keystore=" + dir.resolve("bank-notify.p12"),
                "triad.bank.notify.keystore-password=" + password,
                "triad.tls.truststore=" + dir.resolve("truststore.p12"),
                "triad.tls.keystore=" + dir.resolve("client.p12"),
                "triad.tls.store-password=" + password,
                "triad.tls.client-alias=outbox-it-client",
                "triad.bank.outbox.notification.schedule=0s,1s,1s,1s,1s",
                "triad.bank.outbox.notification.repeat=none",
                "triad.bank.outbox.notification.give-up-after=1h",
                "triad.bank.outbox.poll-seconds=1",
                "outbox-it.dir=" + dir,
                "outbox-it.ocsp-port=" + ocspPort);
    }
}
