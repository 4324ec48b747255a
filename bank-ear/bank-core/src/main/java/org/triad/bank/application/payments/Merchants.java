package org.triad.bank.application.payments;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.oauth.InvalidClientInputException;
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
                               List<String> returnUrlPrefixes, String status, String reviewReason,
                               String clientCertificateSubject) {

        static MerchantView of(Merchant m, OAuthClient app) {
            return new MerchantView(m.clientId(), m.displayName(), m.settlementCardId(), m.notifyUrl(),
                    m.returnUrlPrefixes(), m.status().name(), m.reviewReason(),
                    app == null ? null : app.clientCertificateSubject());
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

    /** Creates or changes the profile of the owner's app, its client certificate unchanged; it then waits for a clerk. */
    public MerchantView describe(long ownerId, String clientId, String displayName, long settlementCardId,
                                 String notifyUrl, List<String> returnUrlPrefixes) {
        return describe(ownerId, clientId, displayName, settlementCardId, notifyUrl, returnUrlPrefixes, null);
    }

    /**
     * Creates or changes the profile of the owner's app; it then waits for a clerk.
     *
     * @param clientCertificateSubject the subject DN (RFC 4514) of the Triad {@code tls-client} certificate the app
     *                                 presents (RFC 8705 {@code tls_client_auth_subject_dn}): from then on its
     *                                 client-credentials tokens are issued only over mutual TLS with such a
     *                                 certificate and bound to it. {@code null}: unchanged; blank: removed (its
     *                                 tokens are no longer bound)
     */
    public MerchantView describe(long ownerId, String clientId, String displayName, long settlementCardId,
                                 String notifyUrl, List<String> returnUrlPrefixes, String clientCertificateSubject) {
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
        if (clientCertificateSubject != null) {
            String before = app.clientCertificateSubject();
            try {
                app.clientCertificateSubject(clientCertificateSubject, now);
            } catch (InvalidClientInputException e) {
                throw new PaymentRuleException("invalid-client-certificate", 422, e.getMessage());
            }
            if (!java.util.Objects.equals(before, app.clientCertificateSubject())) {
                audit.record(ownerId, "MERCHANT_CLIENT_CERTIFICATE", "app:" + clientId,
                        app.clientCertificateSubject() == null ? "removed" : app.clientCertificateSubject());
            }
        }
        return MerchantView.of(merchant, app);
    }

    public MerchantView approve(long clerkId, String clientId) {
        Merchant merchant = require(clientId);
        merchant.approve(clerkId, Instant.now());
        audit.record(clerkId, "MERCHANT_APPROVED", "app:" + clientId, merchant.displayName());
        return view(merchant);
    }

    public MerchantView reject(long clerkId, String clientId, String reason) {
        Merchant merchant = require(clientId);
        merchant.reject(clerkId, reason, Instant.now());
        audit.record(clerkId, "MERCHANT_REJECTED", "app:" + clientId, reason);
        return view(merchant);
    }

    public List<MerchantView> waiting() {
        return payments.merchants(MerchantStatus.PENDING).stream().map(this::view).toList();
    }

    public MerchantView of(String clientId) {
        return view(require(clientId));
    }

    /** The profile of the owner's own app, if it has one (the developer console). */
    public java.util.Optional<MerchantView> ofOwnApp(long ownerId, String clientId) {
        return clients.findByClientId(clientId).filter(c -> c.ownerId() == ownerId)
                .flatMap(app -> payments.merchantOfClient(clientId).map(m -> MerchantView.of(m, app)));
    }

    private MerchantView view(Merchant merchant) {
        return MerchantView.of(merchant, clients.findByClientId(merchant.clientId()).orElse(null));
    }

    private Merchant require(String clientId) {
        return payments.merchantOfClient(clientId)
                .orElseThrow(() -> new PaymentRuleException("merchant-not-found", 404, "No such merchant."));
    }
}
