package org.triad.bank.domain.model.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.triad.bank.domain.model.shared.Ids;

/** What a customer allowed an app: remembered, so the consent page is skipped next time; revocable. */
@Entity
@Table(name = "oauth_consent")
public class Consent {

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "client_pk", nullable = false)
    private long clientPk;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Consent() {
    }

    public Consent(long customerId, long clientPk, Set<String> scopes, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.clientPk = clientPk;
        this.scopes = Scopes.join(scopes);
        this.grantedAt = now;
    }

    public boolean covers(Set<String> requested) {
        return revokedAt == null && scopes().containsAll(requested);
    }

    /** Adds scopes to the remembered ones. */
    public void extend(Set<String> more, Instant now) {
        Set<String> all = new LinkedHashSet<>(scopes());
        all.addAll(more);
        scopes = Scopes.join(all);
        grantedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    public long clientPk() {
        return clientPk;
    }

    public Set<String> scopes() {
        return Scopes.parse(scopes);
    }

    public Instant grantedAt() {
        return grantedAt;
    }
}
