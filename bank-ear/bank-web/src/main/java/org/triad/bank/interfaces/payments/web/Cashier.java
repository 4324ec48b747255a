package org.triad.bank.interfaces.payments.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.payments.PaymentService;
import org.triad.bank.application.payments.PaymentView;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The cashier ({@code /pay/<id>} → {@code /portal/pay.xhtml?payment=<id>}): the signed-in buyer sees the merchant's
 * name, every payee line, the total and the time left, picks one of their active cards, asks for an email code and
 * confirms with pay password and code. A payment is charged at most once whatever the buyer clicks: the bank checks
 * it under lock; a second confirmation says it is already paid.
 */
@Named
@ViewScoped
public class Cashier implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient PaymentService payments;

    @Inject
    CurrentUser user;

    private String paymentId;
    private PaymentView payment;
    private List<CardView> cards = List.of();
    private Long cardId;
    private String payPassword;
    private String code;
    private boolean codeSent;
    private boolean notFound;

    /** When the view is created: the payment of {@code ?payment=}. */
    @PostConstruct
    public void load() {
        paymentId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("payment");
        try {
            payment = payments.forBuyer(user.id(), paymentId);
            cards = payments.cardsToPayWith(user.id());
            if (cardId == null && !cards.isEmpty()) {
                cardId = cards.get(0).id();
            }
        } catch (RuntimeException e) {
            notFound = true;
            Messages.failed(null, "pay.notFound", e);
        }
    }

    public void requestCode() {
        try {
            payments.requestCode(user.id(), paymentId);
            codeSent = true;
            Messages.info("code.sent", Messages.text("code.sent.detail"));
        } catch (RuntimeException e) {
            refresh();
            Messages.failed("pay", "code.failed", e);
        }
    }

    public void pay() {
        try {
            payment = payments.pay(user.id(), paymentId, cardId == null ? 0 : cardId,
                    new Confirmation(payPassword, code));
            payPassword = null;
            code = null;
            Messages.info("pay.done", Messages.text("pay.done.detail", payment.total().toPlainString(),
                    payment.merchantName()));
        } catch (RuntimeException e) {
            refresh();
            Messages.failed("pay", "pay.failed", e);
        }
    }

    /** Re-reads the payment (its state may have changed meanwhile: paid in another tab, cancelled, expired). */
    public void refresh() {
        try {
            payment = payments.forBuyer(user.id(), paymentId);
        } catch (RuntimeException e) {
            notFound = true;
        }
    }

    /** The merchant's return URL with the payment id. */
    public String getReturnUrl() {
        if (payment == null) {
            return null;
        }
        String url = payment.returnUrl();
        return url + (url.contains("?") ? "&" : "?") + "payment_id="
                + URLEncoder.encode(payment.id(), StandardCharsets.UTF_8);
    }

    public boolean isPayable() {
        return payment != null && "CREATED".equals(payment.status())
                && payment.expiresAt().isAfter(java.time.Instant.now());
    }

    public boolean isPaid() {
        return payment != null && !"CREATED".equals(payment.status()) && !"EXPIRED".equals(payment.status())
                && !"CANCELLED".equals(payment.status());
    }

    /** Milliseconds since the epoch at which the payment expires, for the countdown. */
    public long getExpiresAtMillis() {
        return payment == null ? 0 : payment.expiresAt().toEpochMilli();
    }

    public String getStatusText() {
        return payment == null ? "" : Messages.text("pay.status." + payment.status());
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public PaymentView getPayment() {
        return payment;
    }

    public List<CardView> getCards() {
        return cards;
    }

    public Long getCardId() {
        return cardId;
    }

    public void setCardId(Long cardId) {
        this.cardId = cardId;
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

    public boolean isCodeSent() {
        return codeSent;
    }

    public boolean isNotFound() {
        return notFound;
    }
}
