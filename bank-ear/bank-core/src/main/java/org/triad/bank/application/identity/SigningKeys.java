package org.triad.bank.application.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.domain.model.identity.SigningKey;
import org.triad.bank.domain.model.identity.SigningKeyRepository;

/**
 * The bank's JWT signing keys: EC P-256, ES256, {@code kid} = the key's JWK thumbprint (RFC 7638). The current key
 * is the newest active one (not retired, past its activation time); {@link #rotate()} makes a new current key at once
 * and retires the others, {@link #scheduledStep} publishes the next key ahead of its use. Retired keys stay published
 * in the JWKS for {@link #MAX_TOKEN_LIFETIME} after their retirement; tokens signed with these keys must therefore
 * not live longer than that.
 *
 * <p>Private keys are stored AES-GCM encrypted (see {@link KeyEncryption}) under {@code
 * triad.bank.key-encryption-password}; without it (development) a random password is generated once into
 * {@code triad.bank.data-dir}/key-encryption.password, as the CA does for its keystore. A database whose keys
 * cannot be decrypted with the password stops the start-up (as the CA does): a wrong password must not silently
 * replace the keys every client trusts.
 *
 * <p>The keys are read from the database at start-up (and a first key made if there is none) and re-read at most
 * every {@link #RELOAD_INTERVAL}, so that a rotation by another instance of a cluster is picked up. Two instances
 * starting on an empty database at once may both create a key: both are published, the newer one becomes current
 * on every instance at the next reload — harmless.
 */
@Singleton
@Startup
@DependsOn("BankDatabase")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SigningKeys {

    /** The longest lifetime of a token signed with these keys; retired keys stay published this long. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

    /** How long before its period ends a scheduled rotation publishes the next key (the check runs hourly). */
    public static final Duration PRE_PUBLICATION = Duration.ofHours(2);

    /**
     * The least time a pre-published key is in the JWKS before it signs: longer than resource servers cache the JWKS
     * ({@code AccessTokenValidator}: 5 minutes).
     */
    public static final Duration MIN_PUBLISHED_BEFORE_USE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    private record Snapshot(ECKey current, JWKSet published, Instant loadedAt) {
    }

    @Inject
    SigningKeyRepository keys;

    @Resource
    UserTransaction tx;

    @Inject
    @ConfigProperty(name = "triad.bank.key-encryption-password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "triad.bank.data-dir", defaultValue = "data/triad-bank-keys")
    String dataDir;

    private char[] password;
    private final Map<String, ECKey> decrypted = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    @PostConstruct
    void start() {
        password = encryptionPassword();
        inTransaction(() -> {
            Instant now = Instant.now();
            if (keys.findActive().stream().noneMatch(k -> k.isActiveAt(now))) {
                create(now, null);
                LOG.info("Created the first JWT signing key");
            }
        });
        reload();
    }

    /** Signs the claims with the current key: ES256, header {@code kid} and {@code typ: JWT}. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, JOSEObjectType.JWT);
    }

    /**
     * Signs the claims with the current key: ES256, header {@code kid} and the given {@code typ} (e.g.
     * {@code at+jwt} for access tokens), or none if {@code type} is null.
     */
    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        ECKey key = current().current();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    /** The public keys to publish (JWKS): the current one and those retired less than an hour ago. */
    public JWKSet publicKeys() {
        return current().published();
    }

    /** The {@code kid} of the current key. */
    public String currentKeyId() {
        return current().current().getKeyID();
    }

    /**
     * A new current key at once (the back office's "Rotate now", e.g. after a suspected compromise); every other
     * key, a pre-published one too, is retired and stays published for {@link #MAX_TOKEN_LIFETIME}.
     *
     * @return the new key's {@code kid}
     */
    public String rotate() {
        String kid = inTransaction(() -> {
            Instant now = Instant.now();
            List<SigningKey> active = keys.lockActive();
            String created = create(now, null);
            active.forEach(k -> k.retire(now));
            return created;
        });
        reload();
        LOG.info(() -> "Rotated the JWT signing key; current kid " + kid);
        return kid;
    }

    /** What a scheduled step did: published the next key, made it current, or nothing. */
    public record Step(String published, String activated) {

        static final Step NONE = new Step(null, null);

        public boolean isNone() {
            return published == null && activated == null;
        }
    }

    /**
     * One step of the scheduled rotation, run hourly. When the current key has signed for {@code period} minus
     * {@link #PRE_PUBLICATION} and no successor waits, a successor is created that is published at once and signs from
     * the end of the period (at the earliest {@link #MIN_PUBLISHED_BEFORE_USE} from now): resource servers caching the
     * JWKS know it before any token carries its kid. Keys superseded by a newer active one are retired (and stay
     * published for {@link #MAX_TOKEN_LIFETIME}). The active keys are locked first, so instances of a cluster that run
     * this at the same moment act once.
     */
    public Step scheduledStep(Duration period) {
        Step step = inTransaction(() -> {
            Instant now = Instant.now();
            List<SigningKey> all = keys.lockActive();
            List<SigningKey> active = all.stream().filter(k -> k.isActiveAt(now)).toList();
            boolean pending = all.stream().anyMatch(k -> k.isPendingAt(now));
            String activated = null;
            if (active.size() > 1) {
                activated = active.get(0).kid();
                active.subList(1, active.size()).forEach(k -> k.retire(now));
            }
            String published = null;
            Instant due = active.isEmpty() ? now : active.get(0).activeSince().plus(period);
            if (!pending && !due.minus(PRE_PUBLICATION).isAfter(now)) {
                Instant earliest = now.plus(MIN_PUBLISHED_BEFORE_USE);
                published = create(now, due.isAfter(earliest) ? due : earliest);
            }
            return new Step(published, activated);
        });
        if (!step.isNone()) {
            reload();
            LOG.info(() -> "Signing key rotation: " + (step.published() == null ? ""
                    : "published the next key " + step.published() + " ")
                    + (step.activated() == null ? "" : "current key " + step.activated()));
        }
        return step;
    }

    /** The newest keys for the back office: kid, created, retired, whether current and whether still published. */
    public List<KeyInfo> recentKeys(int limit) {
        Instant publishedSince = Instant.now().minus(MAX_TOKEN_LIFETIME);
        String current = currentKeyId();
        Instant now = Instant.now();
        return inTransaction(() -> keys.findRecent(limit).stream().map(k -> new KeyInfo(k.kid(), k.algorithm(),
                k.createdAt(), k.activatesAt(), k.retiredAt(), k.kid().equals(current), k.isPendingAt(now),
                k.retiredAt() == null || k.retiredAt().isAfter(publishedSince))).toList());
    }

    /** What the back office shows of a signing key (never key material). */
    public record KeyInfo(String kid, String algorithm, Instant createdAt, Instant activatesAt, Instant retiredAt,
                          boolean current, boolean pending, boolean published) implements java.io.Serializable {
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || Instant.now().isAfter(s.loadedAt().plus(RELOAD_INTERVAL))) {
            synchronized (this) {
                s = snapshot;
                if (s == null || Instant.now().isAfter(s.loadedAt().plus(RELOAD_INTERVAL))) {
                    reload();
                    s = snapshot;
                }
            }
        }
        return s;
    }

    private synchronized void reload() {
        Instant now = Instant.now();
        List<SigningKey> publishable = inTransaction(() -> keys.findPublishable(now.minus(MAX_TOKEN_LIFETIME)));
        ECKey current = null;
        List<JWK> published = new ArrayList<>();
        for (SigningKey k : publishable) {
            ECKey full = decrypted.computeIfAbsent(k.kid(), kid -> open(k));
            published.add(full.toPublicJWK());
            if (current == null && k.isActiveAt(now)) {
                current = full;
            }
        }
        if (current == null) {
            throw new IllegalStateException("no current JWT signing key");
        }
        snapshot = new Snapshot(current, new JWKSet(published), now);
    }

    private String create(Instant now, Instant activatesAt) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
            String encrypted = KeyEncryption.encrypt(password, key.getKeyID(), key.toECPrivateKey().getEncoded());
            keys.add(SigningKey.pending(key.getKeyID(), JWSAlgorithm.ES256.getName(),
                    key.toPublicJWK().toJSONString(), encrypted, now.truncatedTo(ChronoUnit.MICROS),
                    activatesAt == null ? null : activatesAt.truncatedTo(ChronoUnit.SECONDS)));
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private ECKey open(SigningKey stored) {
        try {
            ECKey publicKey = ECKey.parse(stored.publicJwk());
            byte[] pkcs8 = KeyEncryption.decrypt(password, stored.kid(), stored.privateKeyEncrypted());
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (ParseException | GeneralSecurityException e) {
            // never the key material, only which key
            throw new IllegalStateException("cannot open the JWT signing key " + stored.kid()
                    + ": wrong triad.bank.key-encryption-password (or key-encryption.password in " + dataDir + ")?");
        }
    }

    private char[] encryptionPassword() {
        if (configuredPassword.isPresent() && !configuredPassword.get().isBlank()) {
            return configuredPassword.get().toCharArray();
        }
        Path file = Path.of(dataDir, "key-encryption.password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[24];
                new java.security.SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the directory's permissions apply
                }
                LOG.warning("triad.bank.key-encryption-password is not set: generated a development password in "
                        + file + " (set the property in production)");
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            tx.begin();
            try {
                T result = work.run();
                tx.commit();
                return result;
            } catch (Exception | Error e) {
                try {
                    tx.rollback();
                } catch (Exception ignored) {
                    // the original failure matters
                }
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
