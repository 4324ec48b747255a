package org.triad.bank.application.payments.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triad.bank.application.banking.internal.Ledger;
import org.triad.bank.application.banking.internal.Settlement;
import org.triad.bank.application.payments.PaymentView;
import org.triad.bank.application.payments.RefundView;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.application.support.Outbox;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.JournalEntry;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.Payee;
import org.triad.bank.domain.model.payment.Payment;
import org.triad.bank.domain.model.payment.PaymentLine;
import org.triad.bank.domain.model.payment.PaymentRepository;
import org.triad.bank.domain.model.payment.PaymentRuleException;
import org.triad.bank.domain.model.payment.Refund;
import org.triad.bank.domain.model.payment.RefundLine;

/**
 * The transactional steps of the payment rail, each one JTA transaction (see the package description for the
 * locking rule). Called by {@code PaymentService}, which retries lock conflicts and settles idempotency races.
 */
@Stateless
public class PaymentSteps {

    @Inject
    PaymentRepository payments;

    @EJB
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** Stores a new payment (the merchant, payees and request were checked by the caller). */
    public Payment create(Merchant merchant, List<Payee> payees, Money total, Long buyerId, String returnUrl,
                          String metadata, String key, String requestHash, Instant expiresAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Payment payment = Payment.create("pay_" + Hashes.randomToken().substring(0, 24), merchant.id(), payees,
                total, buyerId, returnUrl, metadata, key, requestHash, expiresAt, now);
        payments.add(payment);
        audit.record(null, "PAYMENT_CREATED", "payment:" + payment.publicId(), merchant.clientId() + " "
                + total + " " + Money.CURRENCY + ", " + payees.size() + " payee(s)");
        return payment;
    }

    /**
     * The buyer's payment: debits the buyer's card by the total and credits each payee line, in one entry; the
     * payment becomes PAID in the same transaction and the merchant's {@code payment.paid} is recorded.
     */
    public Payment pay(long customerId, String publicId, long cardId, String cashierBase) {
        Payment payment = payments.lockByPublicId(publicId).orElseThrow(PaymentRuleException::notFound);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        payment.requirePayableBy(customerId, now);
        List<Settlement.Leg> legs = new ArrayList<>();
        legs.add(new Settlement.Leg(cardId, payment.total().negate()));
        payment.lines().forEach(l -> legs.add(new Settlement.Leg(l.payeeCardId(), l.amount())));
        JournalEntry entry = ledger.settle(new Settlement(EntryType.PAYMENT, customerId, "payment:" + publicId,
                Hashes.sha256Hex("payment|" + publicId + "|" + cardId), publicId, payment.total(), legs, card -> {
                    if (!card.isOwnedBy(customerId)) {
                        throw new CardNotFoundException("No such card.");
                    }
                }));
        payment.markPaid(customerId, cardId, entry.id(), now);
        Merchant merchant = merchantOf(payment);
        notifyMerchant(merchant, "payment.paid", payment, cashierBase);
        audit.record(customerId, "PAYMENT_PAID", "payment:" + publicId, payment.total() + " " + Money.CURRENCY
                + " to " + merchant.displayName());
        return payment;
    }

    public Payment cancel(Merchant merchant, String publicId, String cashierBase) {
        Payment payment = ownPayment(merchant, publicId);
        payment.cancel(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        notifyMerchant(merchant, "payment.cancelled", payment, cashierBase);
        audit.record(null, "PAYMENT_CANCELLED", "payment:" + publicId, merchant.clientId());
        return payment;
    }

    /** Expires the payment if it is still due (another instance or a confirmation may have been first). */
    public boolean expire(String publicId, String cashierBase) {
        Payment payment = payments.lockByPublicId(publicId).orElse(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (payment == null || !payment.isDue(now)) {
            return false;
        }
        payment.expire(now);
        notifyMerchant(merchantOf(payment), "payment.expired", payment, cashierBase);
        return true;
    }

    /**
     * A refund of the given amounts per payment line: debits each payee card (refused with {@code 409
     * refund-not-covered} if one cannot cover its part) and credits the card that paid, in one entry. A repeated key
     * answers the first refund; the same key with another request is refused.
     */
    public RefundView refund(Merchant merchant, String publicId, String key, String requestHash,
                             Map<String, Money> byOrderId, String cashierBase) {
        Payment payment = ownPayment(merchant, publicId);
        var earlier = payments.findRefund(payment.id(), key);
        if (earlier.isPresent()) {
            if (!earlier.get().matches(requestHash)) {
                throw new PaymentRuleException("idempotency-key-reused", 422,
                        "This Idempotency-Key was already used for a different refund.");
            }
            return RefundView.of(earlier.get(), publicId).asReplay();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Refund refund = new Refund("re_" + Hashes.randomToken().substring(0, 24), payment.id(), key, requestHash, now);
        List<RefundLine> parts = payment.refund(refund, byOrderId);
        Money sum = parts.stream().map(RefundLine::amount).reduce(Money.ZERO, Money::plus);
        List<Settlement.Leg> legs = new ArrayList<>();
        parts.forEach(p -> legs.add(new Settlement.Leg(p.line().payeeCardId(), p.amount().negate())));
        legs.add(new Settlement.Leg(payment.payerCardId(), sum));
        Map<Long, Money> owed = new java.util.HashMap<>();
        parts.forEach(p -> owed.merge(p.line().payeeCardId(), p.amount(), Money::plus));
        JournalEntry entry = ledger.settle(new Settlement(EntryType.REFUND, payment.payerId(),
                "refund:" + refund.publicId(), requestHash, refund.publicId(), sum, legs, card -> {
                    if (card.balance().isLessThan(owed.getOrDefault(card.id(), Money.ZERO))) {
                        throw new PaymentRuleException("refund-not-covered", 409, "A payee card of this payment"
                                + " does not hold enough money for the refund; nothing was refunded.");
                    }
                }));
        refund.settle(parts, entry.id());
        payments.addRefund(refund);
        RefundView view = RefundView.of(refund, publicId);
        notifyMerchant(merchant, "refund.succeeded", payment, cashierBase, view);
        audit.record(null, "PAYMENT_REFUNDED", "payment:" + publicId, merchant.clientId() + " " + sum + " "
                + Money.CURRENCY);
        return view;
    }

    private Payment ownPayment(Merchant merchant, String publicId) {
        Payment payment = payments.lockByPublicId(publicId).orElseThrow(PaymentRuleException::notFound);
        if (payment.merchantId() != merchant.id()) {
            throw PaymentRuleException.notFound();
        }
        return payment;
    }

    private Merchant merchantOf(Payment payment) {
        return payments.merchant(payment.merchantId()).orElseThrow();
    }

    private void notifyMerchant(Merchant merchant, String type, Payment payment, String cashierBase) {
        notifyMerchant(merchant, type, payment, cashierBase, null);
    }

    private void notifyMerchant(Merchant merchant, String type, Payment payment, String cashierBase,
                                RefundView refund) {
        String eventId = "evt_" + Hashes.randomToken().substring(0, 24);
        PaymentView view = PaymentView.of(payment, merchant, cashierBase);
        JsonObjectBuilder p = Json.createObjectBuilder()
                .add("id", view.id()).add("status", view.status())
                .add("total", view.total()).add("refunded", view.refunded()).add("currency", view.currency())
                .add("created_at", view.createdAt().toString()).add("expires_at", view.expiresAt().toString());
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (PaymentLine l : payment.lines()) {
            lines.add(Json.createObjectBuilder().add("payee", l.cardRef() == null ? "settlement" : l.cardRef())
                    .add("amount", l.amount().amount()).add("refunded", l.refunded().amount())
                    .add("merchant_order_id", l.merchantOrderId()));
        }
        p.add("payees", lines);
        if (view.metadata() != null) {
            p.add("metadata", view.metadata());
        }
        JsonObjectBuilder event = Json.createObjectBuilder().add("id", eventId).add("type", type)
                .add("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("sequence", payment.sequence()).add("payment", p);
        if (refund != null) {
            event.add("refund", Json.createObjectBuilder().add("id", refund.id()).add("amount", refund.amount()));
        }
        outbox.merchantNotification(merchant.notifyUrl(), eventId, type, event.build().toString());
    }
}
