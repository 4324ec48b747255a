package org.triad.bank.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

/**
 * An opaque name of a customer's card for one app ({@code cr_…}, random): what the app reads with {@code
 * cards:read} and names as a payee. It is never derived from the card number, and another app's reference for the
 * same card differs.
 */
@Entity
@Table(name = "card_reference")
public class CardReference {

    @Id
    private long id;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "card_id", nullable = false)
    private long cardId;

    @Column(nullable = false, unique = true)
    private String ref;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CardReference() {
    }

    public CardReference(String clientId, long cardId, String ref, Instant now) {
        this.id = Ids.next();
        this.clientId = clientId;
        this.cardId = cardId;
        this.ref = ref;
        this.createdAt = now;
    }

    public String clientId() {
        return clientId;
    }

    public long cardId() {
        return cardId;
    }

    public String ref() {
        return ref;
    }
}
