package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.interfaces.support.web.Messages;

/** Withdrawal from one of the caller's cards, confirmed by the pay password. */
@Named
@ViewScoped
public class Withdrawal extends MoneyForm {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Banking banking;

    private String payPassword;

    public void withdraw() {
        try {
            Receipt receipt = banking.withdraw(customerId(), getCardId(), getAmount(),
                    Confirmation.payPassword(payPassword), getIdempotencyKey());
            done(receipt);
            Messages.info(receipt.replayed() ? "money.replayed" : "withdraw.done",
                    Messages.text("money.receipt", receipt.amount().toPlainString(), receipt.cardMasked(),
                            receipt.balanceAfter().toPlainString()));
        } catch (RuntimeException e) {
            Messages.failed("withdraw", "withdraw.failed", e);
        } finally {
            payPassword = null;
        }
    }

    public String getPayPassword() {
        return payPassword;
    }

    public void setPayPassword(String payPassword) {
        this.payPassword = payPassword;
    }
}
