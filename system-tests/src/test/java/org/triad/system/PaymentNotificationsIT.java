package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triad.testkit.TriadHttp;

/**
 * The shop's notify endpoint on the running platform, with real signatures: the bank's own notification key (read
 * from the domain as {@code ./triad} provisioned it), certificates the Triad CA issues to anyone with an enrolment
 * account, and a self-made one. Accepted only when the bank signed exactly these bytes just now; a replay is dropped
 * by its event id; a tampered, stale, foreign, wrongly-used or merely CA-issued signature is refused with
 * {@code application/problem+json} and nothing recorded. (What accepted events do to orders is {@code
 * SettlementChaosIT}'s; the journey's real notifications are {@code ShopCheckoutUiIT}'s.)
 */
class PaymentNotificationsIT {

    private static ClientTls.Identity bank;
    private static ClientTls.Identity documentSigner;
    private static ClientTls.Identity tlsClient;

    @BeforeAll
    static void identities() throws Exception {
        bank = ClientTls.bankNotifications();
        documentSigner = ClientTls.issue("Contracts of Example Ltd", "signing");
        tlsClient = ClientTls.issue("merchant-" + UUID.randomUUID().toString().substring(0, 8), "tls-client");
    }

    @Test
    void theBanksSignatureIsAcceptedOnceAndAReplayIsDropped() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_unknown_" + UUID.randomUUID());
        String signature = sign(bank, id, body, Instant.now().getEpochSecond());

        var first = deliver(body, signature);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // no checkout has this payment: recorded, nothing else happens
        assertThat(TriadHttp.json(first).getString("outcome")).isEqualTo("UNKNOWN");
        var replay = deliver(body, signature);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(TriadHttp.json(replay).getString("outcome")).isEqualTo("DUPLICATE");
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_x");
        String signature = sign(bank, id, body, Instant.now().getEpochSecond());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("12.30", "1.00")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(body);
        assertRefused(deliver(tampered, signature), "bad-signature");
    }

    @Test
    void aStaleSignatureIsRefused() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_x");
        assertRefused(deliver(body, sign(bank, id, body, Instant.now().minusSeconds(400).getEpochSecond())), "stale");
    }

    @Test
    void anotherSigningCertificateOfTheTriadCaIsNotTheBank() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_x");
        assertRefused(deliver(body, sign(documentSigner, id, body, Instant.now().getEpochSecond())),
                "unexpected-signer");
    }

    @Test
    void aCertificateNotForSigningIsRefused() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_x");
        assertRefused(deliver(body, sign(tlsClient, id, body, Instant.now().getEpochSecond())), "wrong-key-usage");
    }

    @Test
    void aSelfMadeCertificateWithTheBanksNameIsRefused() throws Exception {
        String id = "evt_it_" + UUID.randomUUID();
        byte[] body = event(id, "pay_x");
        assertRefused(deliver(body, sign(selfMade("Triad Bank notifications"), id, body,
                Instant.now().getEpochSecond())), "untrusted-signer");
    }

    @Test
    void aMissingOrMalformedSignatureAndAnOversizedBodyAreRefused() throws Exception {
        byte[] body = event("evt_it_" + UUID.randomUUID(), "pay_x");
        assertRefused(deliver(body, null), "malformed");
        assertRefused(deliver(body, "not-a-jws"), "malformed");
        var big = TriadHttp.post(TriadHttp.uri("shop", "/api/v1/payments/notifications"), "application/json",
                "{\"id\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
    }

    // --- what the bank sends (PaymentSteps.notifyMerchant) and how its NotificationSigner signs it ------------------ ---------------------------------------------------------------------

    private static byte[] event(String id, String paymentId) {
        JsonObject payment = Json.createObjectBuilder().add("id", paymentId).add("status", "PAID")
                .add("total", new java.math.BigDecimal("12.30")).add("refunded", new java.math.BigDecimal("0.00"))
                .add("currency", "CNY")
                .add("payees", Json.createArrayBuilder().add(Json.createObjectBuilder().add("payee", "cr_x")
                        .add("amount", new java.math.BigDecimal("12.30")).add("merchant_order_id", "o-1")))
                .build();
        return Json.createObjectBuilder().add("id", id).add("type", "payment.paid")
                .add("created", Instant.now().toString()).add("sequence", 2).add("payment", payment).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(ClientTls.Identity by, String eventId, byte[] body, long timestamp) throws Exception {
        List<Base64> x5c = new ArrayList<>();
        for (X509Certificate c : by.chain()) {
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) || x5c.isEmpty()) {
                x5c.add(Base64.encode(c.getEncoded()));
            }
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("triad-notification+jws"))
                .x509CertChain(x5c).x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256")
                        .digest(by.certificate().getEncoded())))
                .customParam("triad-ts", timestamp).customParam("triad-event", eventId).build();
        JWSObject jws = new JWSObject(header, new Payload(body));
        jws.sign(new ECDSASigner((ECPrivateKey) by.key()));
        return jws.serialize(true);
    }

    /** A signing certificate made by nobody the platform trusts, with the bank's name. */
    private static ClientTls.Identity selfMade(String commonName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, java.math.BigInteger.valueOf(now.toEpochMilli()),
                java.util.Date.from(now.minusSeconds(60)), java.util.Date.from(now.plusSeconds(3600)), name,
                keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new ClientTls.Identity(keys.getPrivate(), List.of(certificate), "0");
    }

    private static HttpResponse<String> deliver(byte[] body, String signature) {
        String json = new String(body, StandardCharsets.UTF_8);
        return signature == null
                ? TriadHttp.post(TriadHttp.uri("shop", "/api/v1/payments/notifications"), "application/json", json)
                : TriadHttp.post(TriadHttp.uri("shop", "/api/v1/payments/notifications"), "application/json", json,
                        "Triad-Signature", signature);
    }

    private static void assertRefused(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("invalid-notification").contains("(" + reason + ")");
    }
}
