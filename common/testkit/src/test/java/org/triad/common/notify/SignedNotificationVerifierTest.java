package org.triad.common.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triad.testkit.OcspFileResponder;
import org.triad.testkit.TestPki;

/**
 * The notification verifier against a CA-shaped test PKI with a real (loopback) OCSP responder: a good notification
 * is accepted and its event returned; a flipped body byte, a stale or future timestamp, an event id that is not the
 * body's, a signer from another root, a revoked signer, a TLS certificate used for signing, an unreachable OCSP
 * responder and a non-detached JWS are each refused with their reason.
 */
class SignedNotificationVerifierTest {

    static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.paid\",\"created\":\"2026-12-02T10:00:00Z\","
            + "\"sequence\":3,\"payment\":{\"id\":\"pay_1\",\"status\":\"PAID\",\"total\":\"10.00\"}}";

    @TempDir
    static Path dir;

    static TestPki pki;
    static TestPki other;
    static OcspFileResponder responder;
    static TestPki.Issued signer;
    static TestPki.Issued revoked;
    static TestPki.Issued tls;
    static TestPki.Issued stranger;

    @BeforeAll
    static void pki() throws Exception {
        int port = TestPki.freePort();
        pki = TestPki.create(dir.resolve("triad"), port, "Test Triad");
        other = TestPki.create(dir.resolve("triad"), port, "Other");
        signer = pki.signing("bank-notify", false);
        revoked = pki.signing("bank-notify-revoked", true);
        tls = pki.tlsServer("bank-tls");
        stranger = other.signing("stranger", false);
        responder = new OcspFileResponder(dir.resolve("triad"), port);
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    static SignedNotificationVerifier verifier(Instant now) {
        return new SignedNotificationVerifier(List.of(pki.root()), Duration.ofSeconds(300), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** What the bank's NotificationSigner does: a detached ES256 JWS with x5c, x5t#S256, triad-ts, triad-event. */
    static String sign(TestPki.Issued by, String eventId, byte[] body, long ts) throws Exception {
        List<Base64> x5c = List.of(Base64.encode(by.chain().get(0).getEncoded()), Base64.encode(by.chain().get(1).getEncoded()));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(x5c)
                .x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256")
                        .digest(by.certificate().getEncoded())))
                .customParam("triad-ts", ts).customParam("triad-event", eventId).build();
        JWSObject jws = new JWSObject(header, new Payload(body));
        jws.sign(new ECDSASigner((ECPrivateKey) by.key()));
        return jws.serialize(true);
    }

    @Test
    void aGoodNotificationIsAcceptedAndItsEventReturned() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = sign(signer, "evt_1", body, now.getEpochSecond());
        assertThat(header).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");

        Notification n = verifier(now.plusSeconds(299)).verify(body, Map.of("Triad-Signature", header)::get);
        assertThat(n.id()).isEqualTo("evt_1");
        assertThat(n.type()).isEqualTo("payment.paid");
        assertThat(n.sequence()).isEqualTo(3);
        assertThat(n.created()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(n.paymentJson()).contains("\"pay_1\"");
        assertThat(n.signer()).isEqualTo(signer.certificate());
        assertThat(n.signedAt()).isEqualTo(Instant.ofEpochSecond(now.getEpochSecond()));
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = sign(signer, "evt_1", body, now.getEpochSecond());
        byte[] tampered = BODY.replace("10.00", "99.00").getBytes(StandardCharsets.UTF_8);
        assertReason(() -> verifier(now).verify(tampered, header), "bad-signature");
        byte[] oneBit = body.clone();
        oneBit[oneBit.length - 3] ^= 1;
        assertReason(() -> verifier(now).verify(oneBit, header), "bad-signature");
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = sign(signer, "evt_1", body, now.getEpochSecond());
        assertReason(() -> verifier(now.plusSeconds(301)).verify(body, header), "stale");
        assertReason(() -> verifier(now.minusSeconds(301)).verify(body, header), "stale");
    }

    @Test
    void theSignedEventIdMustBeTheBodys() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = sign(signer, "evt_other", body, now.getEpochSecond());
        assertReason(() -> verifier(now).verify(body, header), "event-mismatch");
    }

    @Test
    void aSignerOfAnotherRootIsRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertReason(() -> verifier(now).verify(body, sign(stranger, "evt_1", body, now.getEpochSecond())),
                "untrusted-signer");
    }

    @Test
    void aRevokedSignerIsRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        int before = responder.requests();
        assertReason(() -> verifier(now).verify(body, sign(revoked, "evt_1", body, now.getEpochSecond())),
                "revoked-signer");
        assertThat(responder.requests()).as("asked the OCSP responder").isGreaterThan(before);
    }

    @Test
    void aCertificateNotForSigningIsRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertReason(() -> verifier(now).verify(body, sign(tls, "evt_1", body, now.getEpochSecond())),
                "wrong-key-usage");
        TestPki.Issued clientAuth = pki.issue("client", new KeyUsage(KeyUsage.digitalSignature),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth), null, false);
        assertReason(() -> verifier(now).verify(body, sign(clientAuth, "evt_1", body, now.getEpochSecond())),
                "wrong-key-usage");
    }

    @Test
    void aVerifierPinnedToTheBanksSignerRefusesAnyOtherSigningCertificate() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        TestPki.Issued documents = pki.signing("documents", false);
        String byOther = sign(documents, "evt_1", body, now.getEpochSecond());
        // the CA's signing profile alone would do ...
        assertThat(verifier(now).verify(body, byOther).id()).isEqualTo("evt_1");
        // ... but the shop asks for the bank's notification key by name
        String expected = new javax.naming.ldap.LdapName(signer.certificate().getSubjectX500Principal().getName())
                .getRdns().stream().filter(r -> r.getType().equalsIgnoreCase("CN")).findFirst().orElseThrow()
                .getValue().toString();
        SignedNotificationVerifier pinned = verifier(now).requiringSigner(expected);
        assertReason(() -> pinned.verify(body, byOther), "unexpected-signer");
        assertThat(pinned.verify(body, sign(signer, "evt_1", body, now.getEpochSecond())).id()).isEqualTo("evt_1");
    }

    @Test
    void anUnreachableResponderRefuses() throws Exception {
        TestPki offline = TestPki.create(dir.resolve("offline"), TestPki.freePort(), "Offline");
        TestPki.Issued s = offline.signing("offline-signer", false);
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedNotificationVerifier v = new SignedNotificationVerifier(List.of(offline.root()), Duration.ofSeconds(300),
                Clock.fixed(now, ZoneOffset.UTC));
        assertReason(() -> v.verify(body, sign(s, "evt_1", body, now.getEpochSecond())), "signer-status-unknown");
    }

    @Test
    void malformedHeadersAreRefused() throws Exception {
        Instant now = Instant.now();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String header = sign(signer, "evt_1", body, now.getEpochSecond());
        String attached = header.replace("..", "." + Base64URL.encode(body) + ".");
        assertReason(() -> verifier(now).verify(body, attached), "malformed");
        assertReason(() -> verifier(now).verify(body, (String) null), "malformed");
        assertReason(() -> verifier(now).verify(body, "x..y"), "malformed");
    }

    interface Call {
        Object run() throws Exception;
    }

    static void assertReason(Call call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidNotificationException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

}
