package org.triad.bank.interfaces.oauth.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** Back office: the open platform's review queue; approve, or reject with a reason. */
@Named
@ViewScoped
public class AppReview implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OpenPlatform platform;

    @Inject
    CurrentUser user;

    private ClientStatus status = ClientStatus.PENDING;
    private List<ClientView> apps;
    private Long rejecting;
    private String reason;

    public List<ClientView> getApps() {
        if (apps == null) {
            try {
                apps = platform.reviewQueue(user.id(), status);
            } catch (RuntimeException e) {
                apps = List.of();
                OAuthTexts.failed("review.failed", e);
            }
        }
        return apps;
    }

    public ClientStatus[] getStatuses() {
        return ClientStatus.values();
    }

    public String scopes(ClientView app) {
        return String.join(", ", app.scopes());
    }

    public void approve(long appId) {
        try {
            ClientView app = platform.approve(user.id(), appId);
            OAuthTexts.info("review.approved", app.name());
        } catch (RuntimeException e) {
            OAuthTexts.failed("review.failed", e);
        }
        apps = null;
    }

    public void startReject(long appId) {
        rejecting = appId;
        reason = null;
    }

    public void reject() {
        if (rejecting == null) {
            return;
        }
        try {
            ClientView app = platform.reject(user.id(), rejecting, reason);
            OAuthTexts.info("review.rejected", app.name());
            rejecting = null;
        } catch (RuntimeException e) {
            OAuthTexts.failed("review.failed", e);
        }
        apps = null;
    }

    public ClientStatus getStatus() {
        return status;
    }

    public void setStatus(ClientStatus status) {
        this.status = status;
        apps = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getRejecting() {
        return rejecting;
    }
}
