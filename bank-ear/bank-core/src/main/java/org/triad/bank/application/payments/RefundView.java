package org.triad.bank.application.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triad.bank.domain.model.payment.Refund;

/** A refund as its merchant sees it. */
public record RefundView(String id, String paymentId, String status, BigDecimal amount, Instant createdAt,
                         List<Line> lines, boolean replayed) {

    public record Line(String merchantOrderId, BigDecimal amount) {
    }

    public static RefundView of(Refund r, String paymentId) {
        return new RefundView(r.publicId(), paymentId, r.status(), r.amount().amount(), r.createdAt(),
                r.lines().stream().map(l -> new Line(l.line().merchantOrderId(), l.amount().amount())).toList(), false);
    }

    public RefundView asReplay() {
        return new RefundView(id, paymentId, status, amount, createdAt, lines, true);
    }
}
