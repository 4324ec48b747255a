package org.triad.bank.application.payments;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.MerchantStatus;
import org.triad.bank.domain.model.payment.PaymentRepository;
import org.triad.bank.domain.model.payment.PaymentRuleException;

/**
 * Merchant profiles: kept by the owner of an approved confidential app whose review granted {@code payments}, checked
 * by a clerk. The settlement card must be a card of the app's owner.
 */
@Stateless
public class Merchants {

    /** A merchant profile as its owner and the clerk see it. */
    public record MerchantView(String clientId, String displayName, long settlementCardId, String notifyUrl,
                               List<String> returnUrlPrefixes, String status, String reviewReason) {

        static MerchantView of(Merchant m) {
            return new MerchantView(m.clientId(), m.displayName(), m.settlementCardId(), m.notifyUrl(),
                    m.returnUrlPrefixes(), m.status().name(), m.reviewReason());
        }
    }

    @Inject
    PaymentRepository payments;

    @Inject
    OAuthRepository clients;

    @Inject
    CardRepository cards;

    @Inject
    AuditLog audit;

    /** Creates or changes the profile of the owner's app; it then waits for a clerk. */
    public MerchantView describe(long ownerId, String clientId, String displayName, long settlementCardId,
                                 String notifyUrl, List<String> returnUrlPrefixes) {
        OAuthClient app = clients.findByClientId(clientId).filter(c -> c.ownerId() == ownerId)
                .orElseThrow(() -> new PaymentRuleException("app-not-found", 404, "No such app."));
        if (!app.isUsable() || !app.isConfidential() || !app.scopes().contains(Scopes.PAYMENTS)) {
            throw new PaymentRuleException("app-not-a-merchant", 409, "Only an approved confidential app whose"
                    + " review granted the payments scope can become a merchant.");
        }
        cards.find(settlementCardId).filter(c -> c.isOwnedBy(ownerId))
                .orElseThrow(() -> new CardNotFoundException("No such card."));
        Instant now = Instant.now();
        Merchant merchant = payments.merchantOfClient(clientId).orElseGet(() -> {
            Merchant created = new Merchant(clientId, now);
            payments.addMerchant(created);
            return created;
        });
        merchant.describe(displayName, settlementCardId, notifyUrl, returnUrlPrefixes, now);
        audit.record(ownerId, "MERCHANT_DESCRIBED", "app:" + clientId, merchant.displayName());
        return MerchantView.of(merchant);
    }

    public MerchantView approve(long clerkId, String clientId) {
        Merchant merchant = require(clientId);
        merchant.approve(clerkId, Instant.now());
        audit.record(clerkId, "MERCHANT_APPROVED", "app:" + clientId, merchant.displayName());
        return MerchantView.of(merchant);
    }

    public MerchantView reject(long clerkId, String clientId, String reason) {
        Merchant merchant = require(clientId);
        merchant.reject(clerkId, reason, Instant.now());
        audit.record(clerkId, "MERCHANT_REJECTED", "app:" + clientId, reason);
        return MerchantView.of(merchant);
    }

    public List<MerchantView> waiting() {
        return payments.merchants(MerchantStatus.PENDING).stream().map(MerchantView::of).toList();
    }

    public MerchantView of(String clientId) {
        return MerchantView.of(require(clientId));
    }

    private Merchant require(String clientId) {
        return payments.merchantOfClient(clientId)
                .orElseThrow(() -> new PaymentRuleException("merchant-not-found", 404, "No such merchant."));
    }
}
