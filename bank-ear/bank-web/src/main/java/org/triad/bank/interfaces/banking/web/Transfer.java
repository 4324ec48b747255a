package org.triad.bank.interfaces.banking.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.triad.bank.application.banking.Banking;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.application.banking.TransferOrder;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * Transfer in two steps: the details (from card, recipient's card number, amount), then a confirmation that shows
 * the recipient's masked name and takes the pay password and the code sent by mail.
 */
@Named
@ViewScoped
public class Transfer extends MoneyForm {

    private static final long serialVersionUID = 1L;

    public enum Step { DETAILS, CONFIRM, DONE }

    @EJB
    transient Banking banking;

    @EJB
    transient CustomerService customers;

    private Step step = Step.DETAILS;
    private String toCard;
    private Banking.Recipient recipient;
    private String payPassword;
    private String code;

    /** Step 1 → 2: checks what can be checked before asking for confirmations, and names the recipient. */
    public void review() {
        try {
            Money amount = Money.parsePositive(getAmount());
            CardView from = getFromCard();
            if (from != null && from.balance().compareTo(amount.amount()) < 0) {
                Messages.error("transfer:amount", "problem.insufficient-funds", Messages.text("problem.insufficient-funds"));
                Messages.error(null, "transfer.failed", Messages.text("problem.insufficient-funds"));
                return;
            }
            recipient = banking.recipient(customerId(), toCard);
            step = Step.CONFIRM;
        } catch (RuntimeException e) {
            Messages.failed("transfer", "transfer.failed", e);
        }
    }

    public void back() {
        step = Step.DETAILS;
        payPassword = null;
        code = null;
    }

    public void requestCode() {
        try {
            customers.requestCode(customerId(), CodePurpose.TRANSFER, null);
            Messages.info("code.sent", Messages.text("code.sent.detail"));
        } catch (RuntimeException e) {
            Messages.failed("confirm", "code.failed", e);
        }
    }

    /** Step 2 → done: moves the money once per form token. */
    public void confirm() {
        try {
            Receipt receipt = banking.transfer(
                    new TransferOrder(customerId(), getCardId(), toCard, getAmount(), getIdempotencyKey()),
                    new Confirmation(payPassword, code));
            done(receipt);
            step = Step.DONE;
            code = null;
            Messages.info(receipt.replayed() ? "money.replayed" : "transfer.done",
                    Messages.text("transfer.receipt", receipt.amount().toPlainString(), recipient.maskedName(),
                            recipient.maskedNumber(), receipt.balanceAfter().toPlainString()));
        } catch (RuntimeException e) {
            Messages.failed("confirm", "transfer.failed", e);
        } finally {
            payPassword = null;
        }
    }

    /** Another transfer after one went through. */
    public void again() {
        step = Step.DETAILS;
        toCard = null;
        recipient = null;
    }

    public CardView getFromCard() {
        return getCards().stream().filter(c -> getCardId() != null && c.id() == getCardId()).findFirst().orElse(null);
    }

    public Step getStep() {
        return step;
    }

    public String getToCard() {
        return toCard;
    }

    public void setToCard(String toCard) {
        this.toCard = toCard == null ? null : toCard.replaceAll("[\\s-]", "");
    }

    public Banking.Recipient getRecipient() {
        return recipient;
    }

    public String getPayPassword() {
        return payPassword;
    }

    public void setPayPassword(String payPassword) {
        this.payPassword = payPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
