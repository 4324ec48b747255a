package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.interfaces.support.web.Messages;

/** Deposit to one of the caller's cards, confirmed by a code sent by mail. */
@Named
@ViewScoped
public class Deposit extends MoneyForm {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Banking banking;

    @EJB
    transient CustomerService customers;

    private String code;

    public void requestCode() {
        try {
            customers.requestCode(customerId(), CodePurpose.DEPOSIT, null);
            Messages.info("code.sent", Messages.text("code.sent.detail"));
        } catch (RuntimeException e) {
            Messages.failed("deposit", "code.failed", e);
        }
    }

    public void deposit() {
        try {
            Receipt receipt = banking.deposit(customerId(), getCardId(), getAmount(), Confirmation.code(code),
                    getIdempotencyKey());
            done(receipt);
            code = null;
            Messages.info(receipt.replayed() ? "money.replayed" : "deposit.done",
                    Messages.text("money.receipt", receipt.amount().toPlainString(), receipt.cardMasked(),
                            receipt.balanceAfter().toPlainString()));
        } catch (RuntimeException e) {
            Messages.failed("deposit", "deposit.failed", e);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
