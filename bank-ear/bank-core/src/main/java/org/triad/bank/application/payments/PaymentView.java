package org.triad.bank.application.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.Payment;

/** A payment as its merchant (API) and its buyer (cashier) see it; payees by their reference, never by number. */
public record PaymentView(String id, String status, BigDecimal total, BigDecimal refunded, String currency,
                          String merchantName, String buyer, List<Line> payees, String returnUrl, String metadata,
                          Instant createdAt, Instant expiresAt, Instant closedAt, long sequence, String cashierUrl,
                          boolean replayed) {

    public record Line(String payee, BigDecimal amount, BigDecimal refunded, String merchantOrderId,
                       String description) {
    }

    public static PaymentView of(Payment p, Merchant m, String cashierBase) {
        return new PaymentView(p.publicId(), p.status().name(), p.total().amount(), p.refunded().amount(),
                p.currency(), m.displayName(), p.buyerId() == null ? null : String.valueOf(p.buyerId()),
                p.lines().stream().map(l -> new Line(l.cardRef() == null ? "settlement" : l.cardRef(),
                        l.amount().amount(), l.refunded().amount(), l.merchantOrderId(), l.description())).toList(),
                p.returnUrl(), p.metadata(), p.createdAt(), p.expiresAt(), p.closedAt(), p.sequence(),
                cashierBase + "/pay/" + p.publicId(), false);
    }

    /** The same payment, answered again for a repeated idempotency key. */
    public PaymentView asReplay() {
        return new PaymentView(id, status, total, refunded, currency, merchantName, buyer, payees, returnUrl, metadata,
                createdAt, expiresAt, closedAt, sequence, cashierUrl, true);
    }
}
