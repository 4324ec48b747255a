package org.triad.bank.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/** The part of one payment line that a refund gives back. */
@Entity
@Table(name = "refund_line")
public class RefundLine {

    @Id
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "refund_id")
    private Refund refund;

    @ManyToOne(optional = false)
    @JoinColumn(name = "payment_line_id")
    private PaymentLine line;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    protected RefundLine() {
    }

    RefundLine(Refund refund, PaymentLine line, Money amount) {
        this.id = Ids.next();
        this.refund = refund;
        this.line = line;
        this.amount = amount;
    }

    public PaymentLine line() {
        return line;
    }

    public Money amount() {
        return amount;
    }
}
