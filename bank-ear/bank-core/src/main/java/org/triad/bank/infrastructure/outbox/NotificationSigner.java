package org.triad.bank.infrastructure.outbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs merchant notifications with the bank's notification key: an EC P-256 key whose {@code signing} certificate
 * the Triad CA issued, kept in its own PKCS#12 file ({@code triad.bank.notify.keystore}, provisioned by
 * {@code ./triad start}; see docs/deployment.md). The file is read again when it changes (renewal).
 * <p>
 * The signature is a JWS (RFC 7515) with a detached payload (Appendix F): the signing input is
 * {@code b64url(protected header) "." b64url(body bytes)}, the header sent is {@code <header>..<signature>}. The
 * protected header holds {@code alg} ES256, {@code typ}, {@code x5c} (leaf and issuing CA), {@code x5t#S256},
 * {@code triad-ts} (Unix seconds of this attempt) and {@code triad-event} (the event id), so the timestamp and the
 * event id are signed together with the body.
 */
@ApplicationScoped
public class NotificationSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("triad-notification+jws");

    @Inject
    @ConfigProperty(name = "triad.bank.notify.keystore")
    String keystore;

    @Inject
    @ConfigProperty(name = "triad.bank.notify.keystore-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "triad.bank.notify.keystore-password-file")
    Optional<String> passwordFile;

    @Inject
    @ConfigProperty(name = "triad.bank.notify.alias", defaultValue = "triad-bank-notify")
    String alias;

    private volatile Key key;

    private record Key(long modified, ECPrivateKey privateKey, List<X509Certificate> chain, Base64URL thumbprint) {
    }

    /**
     * The {@code Triad-Signature} value for {@code body} as sent at {@code timestamp}.
     *
     * @throws IllegalStateException if no signing key is provisioned (the attempt fails and is retried)
     */
    public String sign(String eventId, byte[] body, long timestamp) {
        Key k = key();
        List<Base64> x5c = new ArrayList<>();
        try {
            for (X509Certificate c : k.chain()) {
                x5c.add(Base64.encode(c.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).x509CertChain(x5c)
                    .x509CertSHA256Thumbprint(k.thumbprint()).customParam("triad-ts", timestamp)
                    .customParam("triad-event", eventId).build();
            JWSObject jws = new JWSObject(header, new Payload(body));
            jws.sign(new ECDSASigner(k.privateKey()));
            return jws.serialize(true);
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the notification: " + e.getMessage(), e);
        }
    }

    /** The signing certificate (for the back office and diagnostics), if provisioned. */
    public Optional<X509Certificate> certificate() {
        try {
            return Optional.of(key().chain().get(0));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private Key key() {
        Path file = Path.of(keystore);
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new IllegalStateException("no notification signing key: " + file
                    + " is missing (./triad start provisions it; docs/deployment.md)");
        }
        Key k = key;
        if (k != null && k.modified() == modified) {
            return k;
        }
        synchronized (this) {
            if (key == null || key.modified() != modified) {
                key = load(file, modified);
            }
            return key;
        }
    }

    private Key load(Path file, long modified) {
        char[] pass = password().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass);
            if (!(ks.getKey(alias, pass) instanceof ECPrivateKey privateKey)) {
                throw new IllegalStateException("no EC key '" + alias + "' in " + file);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(alias)) {
                X509Certificate x = (X509Certificate) c;
                // x5c: the leaf and the issuing CA; the root is the verifier's own trust anchor
                if (!x.getSubjectX500Principal().equals(x.getIssuerX500Principal()) || chain.isEmpty()) {
                    chain.add(x);
                }
            }
            Base64URL thumbprint = Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(chain.get(0).getEncoded()));
            return new Key(modified, privateKey, List.copyOf(chain), thumbprint);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the notification signing key from " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private String password() {
        if (password.isPresent() && !password.get().isBlank()) {
            return password.get();
        }
        if (passwordFile.isPresent()) {
            try {
                return Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IllegalStateException("no notification keystore password: " + passwordFile.get()
                        + " is not readable");
            }
        }
        throw new IllegalStateException("no notification keystore password (triad.bank.notify.keystore-password)");
    }
}
