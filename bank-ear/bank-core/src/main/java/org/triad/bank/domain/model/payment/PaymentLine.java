package org.triad.bank.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/** One payee of a payment: the card credited, how much, under which order id of the merchant, and what was refunded. */
@Entity
@Table(name = "payment_line")
public class PaymentLine {

    @Id
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "payment_id")
    private Payment payment;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "payee_card_id", nullable = false)
    private long payeeCardId;

    /** The payee as the merchant named it; {@code null} for its settlement card. */
    @Column(name = "card_ref")
    private String cardRef;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money refunded;

    @Column(name = "merchant_order_id", nullable = false)
    private String merchantOrderId;

    private String description;

    protected PaymentLine() {
    }

    PaymentLine(Payment payment, int lineNo, Payee payee) {
        this.id = Ids.next();
        this.payment = payment;
        this.lineNo = lineNo;
        this.payeeCardId = payee.cardId();
        this.cardRef = payee.cardRef();
        this.amount = payee.amount();
        this.refunded = Money.ZERO;
        this.merchantOrderId = payee.merchantOrderId();
        this.description = payee.description();
    }

    void refund(Money part) {
        if (refundable().isLessThan(part)) {
            throw new PaymentRuleException("refund-exceeds-payment", 422, "Line " + merchantOrderId
                    + " has " + refundable() + " " + Money.CURRENCY + " left to refund.");
        }
        refunded = refunded.plus(part);
    }

    public Money refundable() {
        return amount.minus(refunded);
    }

    public long id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public long payeeCardId() {
        return payeeCardId;
    }

    public String cardRef() {
        return cardRef;
    }

    public Money amount() {
        return amount;
    }

    public Money refunded() {
        return refunded;
    }

    public String merchantOrderId() {
        return merchantOrderId;
    }

    public String description() {
        return description;
    }
}
