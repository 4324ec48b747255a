package org.triad.bank.application.payments;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.payment.CardReference;
import org.triad.bank.domain.model.payment.PaymentRepository;

/**
 * Opaque per-app references to customers' cards ({@code cr_…}), handed to apps with {@code cards:read} and
 * accepted back as payees. One reference per (app, card), created on first sight.
 */
@Stateless
public class CardReferences {

    @Inject
    PaymentRepository payments;

    /** The app's reference for the card, created if it has none (in a transaction of its own). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String refFor(String clientId, long cardId) {
        return payments.cardReference(clientId, cardId).map(CardReference::ref).orElseGet(() -> {
            CardReference created = new CardReference(clientId, cardId, "cr_" + Hashes.randomToken().substring(0, 24),
                    Instant.now());
            payments.addCardReference(created);
            return created.ref();
        });
    }

    /** The card an app's reference names; empty for unknown references and those of other apps. */
    public Optional<Long> cardOf(String clientId, String ref) {
        return payments.cardReferenceByRef(ref == null ? "" : ref).filter(r -> r.clientId().equals(clientId))
                .map(CardReference::cardId);
    }

    /** {@link #refFor}, again once when two first requests raced on the unique (app, card) constraint. */
    public static String refFor(CardReferences references, String clientId, long cardId) {
        try {
            return references.refFor(clientId, cardId);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                return references.refFor(clientId, cardId);
            }
            throw e;
        }
    }
}
