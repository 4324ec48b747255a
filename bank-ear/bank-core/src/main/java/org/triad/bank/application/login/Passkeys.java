package org.triad.bank.application.login;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.login.Passkey;
import org.triad.bank.domain.model.login.PasskeyException;
import org.triad.bank.domain.model.login.PasskeyRepository;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * Passkeys (WebAuthn Level 2/3): a customer registers discoverable credentials on the security page and signs in
 * with one, without a password. Verification (client data, origin, RP ID hash, challenge, user presence and
 * verification, signature, counter) is webauthn4j's; attestation is not requested ({@code none}). User verification
 * is required, so a passkey sign-in is a complete multi-factor sign-in (no TOTP step after it).
 *
 * <p>Challenges are 256 random bits created here and kept by the caller (the browser's HTTP session) until the
 * response comes back; each is used once. The relying party is {@code triad.bank.webauthn.rp-id} with the origin
 * {@code triad.bank.webauthn.origin} (defaults: the host and origin of {@code triad.bank.public-url}).
 */
@Stateless
public class Passkeys {

    /** Passkeys per customer. */
    public static final int MAX_PER_CUSTOMER = 10;
    /** What the browser gives the customer to answer, in milliseconds. */
    static final int TIMEOUT_MILLIS = 120_000;
    private static final int MAX_RESPONSE_CHARS = 16_384;
    private static final Logger LOG = Logger.getLogger(Passkeys.class.getName());
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
    private static final AttestedCredentialDataConverter CREDENTIAL_DATA =
            new AttestedCredentialDataConverter(CONVERTER);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /** Options for {@code navigator.credentials.create/get} (JSON, binary values base64url) and their challenge. */
    public record Ceremony(String optionsJson, byte[] challenge) implements java.io.Serializable {
    }

    /** What the security page shows of a passkey. */
    public record PasskeyView(long id, String name, Instant createdAt, Instant lastUsedAt, Boolean synced)
            implements java.io.Serializable {
    }

    @Inject
    PasskeyRepository passkeys;

    @Inject
    CustomerRepository customers;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.bank.public-url", defaultValue = "https://localhost:9443/bank")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "triad.bank.webauthn.rp-id")
    java.util.Optional<String> configuredRpId;

    @Inject
    @ConfigProperty(name = "triad.bank.webauthn.origin")
    java.util.Optional<String> configuredOrigin;

    /** Creation options for a new passkey of the customer; their existing passkeys are excluded. */
    public Ceremony registrationOptions(long customerId) {
        Customer customer = activeCustomer(customerId);
        byte[] challenge = random(32);
        JsonArrayBuilder params = Json.createArrayBuilder();
        ALGORITHMS.forEach(p -> params.add(Json.createObjectBuilder().add("type", "public-key")
                .add("alg", p.getAlg().getValue())));
        JsonArrayBuilder exclude = Json.createArrayBuilder();
        passkeys.findByCustomer(customerId).forEach(p -> exclude.add(Json.createObjectBuilder()
                .add("type", "public-key").add("id", p.credentialId())));
        String json = Json.createObjectBuilder()
                .add("challenge", b64(challenge))
                .add("rp", Json.createObjectBuilder().add("id", rpId()).add("name", "Triad Bank"))
                .add("user", Json.createObjectBuilder().add("id", b64(userHandle(customerId)))
                        .add("name", customer.email()).add("displayName", customer.nickname()))
                .add("pubKeyCredParams", params)
                .add("timeout", TIMEOUT_MILLIS)
                .add("attestation", "none")
                .add("excludeCredentials", exclude)
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "required")
                        .add("requireResidentKey", true).add("userVerification", "required"))
                .build().toString();
        return new Ceremony(json, challenge);
    }

    /**
     * Verifies a registration response (the browser's {@code PublicKeyCredential} as JSON) against the challenge
     * and stores the passkey.
     *
     * @throws PasskeyException 400 {@code passkey-invalid} if it does not verify, 409 {@code passkey-exists} if the
     *                          credential is registered already, 409 {@code passkey-limit} over
     *                          {@link #MAX_PER_CUSTOMER}; nothing is stored
     */
    public PasskeyView register(long customerId, byte[] challenge, String responseJson, String name) {
        activeCustomer(customerId);
        String checkedName = Passkey.checkedName(name);
        if (challenge == null || responseJson == null || responseJson.length() > MAX_RESPONSE_CHARS) {
            throw new PasskeyException("passkey-invalid", 400, "The passkey response is missing or too large.");
        }
        RegistrationData data;
        try {
            data = MANAGER.parseRegistrationResponseJSON(responseJson);
            MANAGER.verify(data, new RegistrationParameters(serverProperty(challenge), ALGORITHMS, true, true));
        } catch (RuntimeException e) {
            LOG.fine(() -> "passkey registration refused: " + e);
            throw new PasskeyException("passkey-invalid", 400, "The passkey could not be verified.");
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticator.getAttestedCredentialData();
        String credentialId = b64(attested.getCredentialId());
        String hash = Hashes.sha256Hex(credentialId);
        if (passkeys.existsByCredentialHash(hash)) {
            throw new PasskeyException("passkey-exists", 409, "This passkey is registered already.");
        }
        if (passkeys.findByCustomer(customerId).size() >= MAX_PER_CUSTOMER) {
            throw new PasskeyException("passkey-limit", 409,
                    "At most " + MAX_PER_CUSTOMER + " passkeys; remove one first.");
        }
        Passkey passkey = new Passkey(customerId, credentialId, hash,
                b64(CREDENTIAL_DATA.convert(attested)), authenticator.getSignCount(),
                authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(), checkedName, now());
        passkeys.add(passkey);
        audit.record(customerId, "PASSKEY_ADDED", "passkey:" + passkey.id(), checkedName);
        return view(passkey);
    }

    /** Request options for a passkey sign-in: any of the customer's discoverable passkeys (no account named). */
    public Ceremony authenticationOptions() {
        byte[] challenge = random(32);
        String json = Json.createObjectBuilder()
                .add("challenge", b64(challenge))
                .add("rpId", rpId())
                .add("timeout", TIMEOUT_MILLIS)
                .add("userVerification", "required")
                .add("allowCredentials", Json.createArrayBuilder())
                .build().toString();
        return new Ceremony(json, challenge);
    }

    /**
     * Verifies a sign-in response (the browser's {@code PublicKeyCredential} as JSON) against the challenge: known
     * credential, signature by its key, origin, RP ID, user presence and verification, a counter that went forward.
     * Updates the counter and last use.
     *
     * @return the customer it belongs to (whether they may sign in now is the caller's check)
     * @throws PasskeyException 401 {@code passkey-rejected} for anything else, nothing changed
     */
    public long authenticate(byte[] challenge, String responseJson) {
        if (challenge == null || responseJson == null || responseJson.length() > MAX_RESPONSE_CHARS) {
            throw PasskeyException.rejected();
        }
        AuthenticationData data;
        try {
            data = MANAGER.parseAuthenticationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw PasskeyException.rejected();
        }
        if (data == null || data.getCredentialId() == null || data.getAuthenticatorData() == null) {
            throw PasskeyException.rejected();
        }
        String credentialId = b64(data.getCredentialId());
        Passkey passkey = passkeys.lockByCredentialHash(Hashes.sha256Hex(credentialId))
                .filter(p -> p.credentialId().equals(credentialId))
                .orElseThrow(PasskeyException::rejected);
        if (data.getUserHandle() != null && !Arrays.equals(data.getUserHandle(), userHandle(passkey.customerId()))) {
            throw PasskeyException.rejected();
        }
        byte[] attestedBytes = Base64.getUrlDecoder().decode(passkey.attestedData());
        AttestedCredentialData attested = CREDENTIAL_DATA.convert(attestedBytes);
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(),
                passkey.uvInitialized(), passkey.backupEligible(), passkey.backupState(), passkey.signCount(),
                attested, null, null, null, null);
        try {
            MANAGER.verify(data, new AuthenticationParameters(serverProperty(challenge), record,
                    List.of(data.getCredentialId()), true, true));
        } catch (RuntimeException e) {
            LOG.fine(() -> "passkey sign-in refused: " + e);
            throw PasskeyException.rejected();
        }
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        passkey.used(authenticator.getSignCount(), authenticator.isFlagBS(), now());
        return passkey.customerId();
    }

    public List<PasskeyView> list(long customerId) {
        return passkeys.findByCustomer(customerId).stream().map(Passkeys::view).toList();
    }

    /** Removes one of the customer's passkeys; another customer's is not found (404), and nothing changes. */
    public void remove(long customerId, long passkeyId) {
        Passkey passkey = passkeys.findByCustomer(customerId).stream().filter(p -> p.id() == passkeyId).findFirst()
                .orElseThrow(() -> new PasskeyException("passkey-not-found", 404, "No such passkey."));
        passkeys.remove(passkey);
        audit.record(customerId, "PASSKEY_REMOVED", "passkey:" + passkey.id(), passkey.name());
    }

    String rpId() {
        return configuredRpId.filter(s -> !s.isBlank()).orElseGet(() -> URI.create(publicUrl).getHost());
    }

    String origin() {
        return configuredOrigin.filter(s -> !s.isBlank()).orElseGet(() -> {
            URI u = URI.create(publicUrl);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        });
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return new ServerProperty(new Origin(origin()), rpId(), new DefaultChallenge(challenge));
    }

    private Customer activeCustomer(long customerId) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new NotPermittedException("Unknown customer."));
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw new NotPermittedException("Only active accounts register passkeys.");
        }
        return customer;
    }

    /** The WebAuthn user handle: the customer id as 8 bytes (opaque, no personal data). */
    static byte[] userHandle(long customerId) {
        return ByteBuffer.allocate(8).putLong(customerId).array();
    }

    private static PasskeyView view(Passkey p) {
        return new PasskeyView(p.id(), p.name(), p.createdAt(), p.lastUsedAt(), p.backupState());
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        Hashes.random().nextBytes(bytes);
        return bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
