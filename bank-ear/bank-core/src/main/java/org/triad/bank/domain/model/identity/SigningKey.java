package org.triad.bank.domain.model.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One of the bank's JWT signing keys: the public key as a JWK, the private key encrypted (never in clear text in
 * the database, never logged). The current key is the newest one that is active (not retired, and past its
 * activation time if it has one); a key waiting for its activation time is already published.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    private String kid;

    @Column(nullable = false)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_key_enc", nullable = false)
    private String privateKeyEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    /** When a pre-published key starts signing; null: since it was created. */
    @Column(name = "activates_at")
    private Instant activatesAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String algorithm, String publicJwk, String privateKeyEncrypted, Instant now) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.createdAt = now;
    }

    /** A key that is published now and starts signing at {@code activatesAt}. */
    public static SigningKey pending(String kid, String algorithm, String publicJwk, String privateKeyEncrypted,
                                     Instant now, Instant activatesAt) {
        SigningKey key = new SigningKey(kid, algorithm, publicJwk, privateKeyEncrypted, now);
        key.activatesAt = activatesAt;
        return key;
    }

    /** Not retired and past its activation time. */
    public boolean isActiveAt(Instant now) {
        return retiredAt == null && (activatesAt == null || !activatesAt.isAfter(now));
    }

    /** Not retired and waiting for its activation time. */
    public boolean isPendingAt(Instant now) {
        return retiredAt == null && activatesAt != null && activatesAt.isAfter(now);
    }

    /** Since when it signs (or will). */
    public Instant activeSince() {
        return activatesAt == null ? createdAt : activatesAt;
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String privateKeyEncrypted() {
        return privateKeyEncrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public Instant activatesAt() {
        return activatesAt;
    }
}
