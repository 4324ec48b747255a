package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/** Back office: customers waiting for their KYC review, oldest first; approve, or reject with a reason. */
@Named
@ViewScoped
public class KycQueue implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 200;

    @EJB
    transient ClerkService clerk;

    @Inject
    CurrentUser user;

    private List<CustomerView> waiting;
    private CustomerView rejecting;
    private String reason;

    public List<CustomerView> getWaiting() {
        if (waiting == null) {
            try {
                waiting = clerk.search(user.id(), "UNREVIEWED", null, 0, LIMIT);
            } catch (RuntimeException e) {
                waiting = List.of();
                Messages.failed(null, "clerk.searchFailed", e);
            }
        }
        return waiting;
    }

    public void approve(CustomerView customer) {
        try {
            clerk.approve(user.id(), customer.id());
            waiting = null;
            Messages.info("kyc.approved", Messages.text("kyc.approved.detail", customer.email()));
        } catch (RuntimeException e) {
            Messages.failed(null, "kyc.failed", e);
        }
    }

    public void startReject(CustomerView customer) {
        rejecting = customer;
        reason = null;
    }

    public void reject() {
        if (rejecting == null) {
            return;
        }
        try {
            clerk.reject(user.id(), rejecting.id(), reason == null ? null : reason.trim());
            Messages.info("kyc.rejected", Messages.text("kyc.rejected.detail", rejecting.email()));
            waiting = null;
            rejecting = null;
            reason = null;
        } catch (RuntimeException e) {
            Messages.failed("reject", "kyc.failed", e);
        }
    }

    public CustomerView getRejecting() {
        return rejecting;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
