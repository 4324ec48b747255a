package org.triad.bank.interfaces.payments.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.payments.Merchants;
import org.triad.bank.application.payments.Merchants.MerchantView;
import org.triad.bank.application.payments.PaymentService;
import org.triad.bank.application.payments.PaymentService.PaymentRecord;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The back office's payments screen: look a payment up (by id, merchant, merchant order id or customer) with its
 * lines and refunds, and check the merchant profiles that wait for a clerk (approve, or reject with a reason).
 */
@Named
@ViewScoped
public class PaymentLookup implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient PaymentService payments;

    @EJB
    transient Merchants merchants;

    @Inject
    CurrentUser user;

    private String paymentId;
    private String merchantClientId;
    private String merchantOrderId;
    private Long customerId;
    private List<PaymentRecord> results = List.of();
    private boolean searched;
    private String rejectReason;

    public void search() {
        try {
            results = payments.lookUp(user.id(), paymentId, merchantClientId, merchantOrderId, customerId);
            searched = true;
        } catch (RuntimeException e) {
            Messages.failed("lookup", "payments.failed", e);
        }
    }

    public List<MerchantView> getWaitingMerchants() {
        return merchants.waiting();
    }

    public void approve(String clientId) {
        try {
            merchants.approve(user.id(), clientId);
            Messages.info("merchant.approved", clientId);
        } catch (RuntimeException e) {
            Messages.failed("merchants", "merchant.failed", e);
        }
    }

    public void reject(String clientId) {
        try {
            merchants.reject(user.id(), clientId, rejectReason);
            rejectReason = null;
            Messages.info("merchant.rejected", clientId);
        } catch (RuntimeException e) {
            Messages.failed("merchants", "merchant.failed", e);
        }
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getMerchantClientId() {
        return merchantClientId;
    }

    public void setMerchantClientId(String merchantClientId) {
        this.merchantClientId = merchantClientId;
    }

    public String getMerchantOrderId() {
        return merchantOrderId;
    }

    public void setMerchantOrderId(String merchantOrderId) {
        this.merchantOrderId = merchantOrderId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public List<PaymentRecord> getResults() {
        return results;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
    }
}
