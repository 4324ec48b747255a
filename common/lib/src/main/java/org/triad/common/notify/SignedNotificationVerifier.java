package org.triad.common.notify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.triad.common.tls.CertificateStatus;

/**
 * Verifies a merchant notification of the Triad bank exactly as it arrived: the raw body bytes (never a re-serialised
 * JSON) and the {@code Triad-Signature} header, a JWS (ES256) with detached payload (RFC 7515 Appendix F). Accepted
 * only if all of these hold, checked in this order:
 * <ol>
 * <li>the header is {@code <protected header>..<signature>} and the algorithm is ES256;</li>
 * <li>the signature over {@code b64url(header) "." b64url(body)} verifies with the key of the first {@code x5c}
 *     certificate, and {@code x5t#S256} is that certificate's SHA-256 thumbprint;</li>
 * <li>that certificate is for signing (key usage digitalSignature, extended key usage codeSigning: the Triad CA's
 *     {@code signing} profile) and not a CA;</li>
 * <li>the {@code x5c} chain leads to one of the caller's trust anchors (the Triad root) and the CA's OCSP responder
 *     says the signer's certificate is good (answers cached briefly; an unreachable responder refuses);</li>
 * <li>{@code triad-ts} (signed) is within the tolerance (300 s by default) of the verifier's clock;</li>
 * <li>{@code triad-event} (signed) equals the body's {@code id}.</li>
 * <li>with {@link #requiringSigner(String)}: the signer's CN is that name (checked before asking the responder).</li>
 * </ol>
 * Thread-safe; keep one instance. Replays within the tolerance are the receiver's to drop, by event id.
 */
public final class SignedNotificationVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    public static final String SIGNATURE_HEADER = "Triad-Signature";
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final Duration STATUS_CACHE = Duration.ofSeconds(30);

    private final Set<TrustAnchor> anchors;
    private final Duration tolerance;
    private final Clock clock;
    private final String expectedSigner;
    private final Map<String, Cached> statuses = new ConcurrentHashMap<>();

    private record Cached(CertificateStatus.Verdict verdict, Instant until) {
    }

    /** Trusting the Triad root, 300 s tolerance, the system clock. */
    public SignedNotificationVerifier(X509Certificate triadRoot) {
        this(List.of(triadRoot), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public SignedNotificationVerifier(Collection<X509Certificate> trustAnchors, Duration tolerance, Clock clock) {
        this(trustAnchors, tolerance, clock, null);
    }

    private SignedNotificationVerifier(Collection<X509Certificate> trustAnchors, Duration tolerance, Clock clock,
                                       String expectedSigner) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor");
        }
        Set<TrustAnchor> set = new HashSet<>();
        trustAnchors.forEach(c -> set.add(new TrustAnchor(c, null)));
        this.anchors = Set.copyOf(set);
        this.tolerance = tolerance;
        this.clock = clock;
        this.expectedSigner = expectedSigner;
    }

    /**
     * The same verifier that also requires the signer's certificate to name {@code commonName} as its CN (the bank's
     * notification key, {@code Triad Bank notifications} as {@code ./triad} provisions it): any other certificate of
     * the CA's signing profile (a document signer, another merchant's) is refused as {@code unexpected-signer}.
     */
    public SignedNotificationVerifier requiringSigner(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a signer's common name");
        }
        List<X509Certificate> roots = new ArrayList<>();
        anchors.forEach(a -> roots.add(a.getTrustedCert()));
        return new SignedNotificationVerifier(roots, tolerance, clock, commonName);
    }

    /**
     * @param headers the request's header lookup by name, case-insensitive (e.g. {@code request::getHeader})
     */
    public Notification verify(byte[] body, Function<String, String> headers) throws InvalidNotificationException {
        return verify(body, headers.apply(SIGNATURE_HEADER));
    }

    public Notification verify(byte[] body, String signatureHeader) throws InvalidNotificationException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidNotificationException("malformed", "no " + SIGNATURE_HEADER + " header");
        }
        String[] parts = signatureHeader.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new InvalidNotificationException("malformed", "not a JWS with detached payload (<header>..<signature>)");
        }
        JWSObject jws;
        try {
            jws = new JWSObject(new Base64URL(parts[0]), new Payload(body), new Base64URL(parts[2]));
        } catch (ParseException | RuntimeException e) {
            throw new InvalidNotificationException("malformed", "unreadable JWS header: " + e.getMessage());
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new InvalidNotificationException("malformed", "algorithm must be ES256, not " + header.getAlgorithm());
        }
        List<X509Certificate> chain = chain(header);
        X509Certificate signer = chain.get(0);

        try {
            if (!(signer.getPublicKey() instanceof ECPublicKey key) || !jws.verify(new ECDSAVerifier(key))) {
                throw new InvalidNotificationException("bad-signature", "the signature does not match the body");
            }
        } catch (JOSEException e) {
            throw new InvalidNotificationException("bad-signature", "signature not verifiable: " + e.getMessage());
        }
        Base64URL thumbprint = header.getX509CertSHA256Thumbprint();
        if (thumbprint == null || !thumbprint.equals(sha256(signer))) {
            throw new InvalidNotificationException("malformed", "x5t#S256 missing or not the signer's certificate");
        }
        checkUsage(signer);
        if (expectedSigner != null && !expectedSigner.equals(commonName(signer))) {
            throw new InvalidNotificationException("unexpected-signer", "signed by " + signer.getSubjectX500Principal()
                    + ", not by " + expectedSigner);
        }
        checkStatus(chain);

        Instant now = clock.instant();
        Object ts = header.getCustomParam("triad-ts");
        if (!(ts instanceof Number n)) {
            throw new InvalidNotificationException("malformed", "no signed triad-ts");
        }
        Instant signedAt = Instant.ofEpochSecond(n.longValue());
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new InvalidNotificationException("stale", "signed at " + signedAt + ", more than "
                    + tolerance.toSeconds() + " s from now (" + now + ")");
        }
        JsonObject event = parse(body);
        String id = string(event, "id");
        if (!id.equals(header.getCustomParam("triad-event"))) {
            throw new InvalidNotificationException("event-mismatch", "the signed triad-event is not the body's id");
        }
        JsonValue payment = event.get("payment");
        return new Notification(id, string(event, "type"), created(event), sequence(event),
                payment == null ? null : payment.toString(), new String(body, StandardCharsets.UTF_8), signer, signedAt);
    }

    private static List<X509Certificate> chain(JWSHeader header) throws InvalidNotificationException {
        List<Base64> x5c = header.getX509CertChain();
        if (x5c == null || x5c.isEmpty()) {
            throw new InvalidNotificationException("malformed", "no x5c certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Base64 c : x5c) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.decode())));
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidNotificationException("malformed", "unreadable x5c certificate: " + e.getMessage());
        }
        return chain;
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(
                    certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static void checkUsage(X509Certificate signer) throws InvalidNotificationException {
        boolean[] ku = signer.getKeyUsage();
        List<String> eku;
        try {
            eku = signer.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            eku = null;
        }
        if (signer.getBasicConstraints() >= 0 || ku == null || !ku[0] || eku == null || !eku.contains(CODE_SIGNING)) {
            throw new InvalidNotificationException("wrong-key-usage",
                    "the signer's certificate is not a Triad signing certificate (" + signer.getSubjectX500Principal() + ")");
        }
    }

    private void checkStatus(List<X509Certificate> chain) throws InvalidNotificationException {
        X509Certificate leaf = chain.get(0);
        String key = leaf.getIssuerX500Principal().getName() + "#" + leaf.getSerialNumber().toString(16);
        Instant now = clock.instant();
        Cached cached = statuses.get(key);
        if (cached == null || now.isAfter(cached.until())) {
            cached = new Cached(CertificateStatus.check(chain, anchors, Date.from(now)), now.plus(STATUS_CACHE));
            statuses.put(key, cached);
        }
        CertificateStatus.Verdict verdict = cached.verdict();
        switch (verdict.outcome()) {
            case GOOD -> {
            }
            case REVOKED -> throw new InvalidNotificationException("revoked-signer", verdict.detail());
            case UNTRUSTED -> throw new InvalidNotificationException("untrusted-signer", verdict.detail());
            case UNKNOWN -> throw new InvalidNotificationException("signer-status-unknown", verdict.detail());
        }
    }

    private static JsonObject parse(byte[] body) throws InvalidNotificationException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return Json.createReader(new StringReader(text)).readObject();
        } catch (CharacterCodingException | JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new InvalidNotificationException("malformed", "the body is not a UTF-8 JSON object");
        } catch (jakarta.json.JsonException e) {
            throw new InvalidNotificationException("malformed", "the body is not a JSON object");
        }
    }

    private static String string(JsonObject o, String name) throws InvalidNotificationException {
        if (!(o.get(name) instanceof JsonString s)) {
            throw new InvalidNotificationException("malformed", "the body has no string '" + name + "'");
        }
        return s.getString();
    }

    private static Instant created(JsonObject o) throws InvalidNotificationException {
        JsonValue v = o.get("created");
        try {
            if (v instanceof JsonString s) {
                return Instant.parse(s.getString());
            }
            if (v instanceof JsonNumber n) {
                return Instant.ofEpochSecond(n.longValueExact());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // below
        }
        throw new InvalidNotificationException("malformed", "'created' must be an RFC 3339 time (or Unix seconds)");
    }

    private static long sequence(JsonObject o) throws InvalidNotificationException {
        if (o.get("sequence") instanceof JsonNumber n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                // below
            }
        }
        throw new InvalidNotificationException("malformed", "'sequence' must be an integer");
    }

    private static Base64URL sha256(X509Certificate c) throws InvalidNotificationException {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new InvalidNotificationException("malformed", "certificate not encodable");
        }
    }
}
