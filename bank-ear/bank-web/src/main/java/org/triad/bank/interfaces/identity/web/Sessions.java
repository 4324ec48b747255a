package org.triad.bank.interfaces.identity.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The Devices page: the customer's device sessions (browser sign-ins, API clients, authorised apps) with kind, app,
 * user agent, address, times, the current one marked; signing out one of them or all others ends them at once (their
 * session tokens and access tokens are refused everywhere).
 */
@Named
@ViewScoped
public class Sessions implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Authentication authentication;

    @EJB
    transient DeviceSessions devices;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Inject
    CurrentUser user;

    private boolean showEnded;
    private List<DeviceView> sessions;

    public List<DeviceView> getSessions() {
        if (sessions == null) {
            try {
                sessions = devices.list(user.id(), currentHandle()).stream()
                        .filter(s -> showEnded || s.active()).toList();
            } catch (RuntimeException e) {
                sessions = List.of();
                Messages.failed(null, "sessions.failed", e);
            }
        }
        return sessions;
    }

    public long getOtherActiveCount() {
        return getSessions().stream().filter(s -> s.active() && !s.current()).count();
    }

    public void revoke(String handle) {
        try {
            devices.revoke(user.id(), handle);
            Messages.info("sessions.revoked", Messages.text("sessions.revoked.detail"));
        } catch (RuntimeException e) {
            Messages.failed(null, "sessions.failed", e);
        }
        sessions = null;
    }

    public void revokeOthers() {
        try {
            String current = currentHandle();
            if (current == null) {
                // never sign out everything, including the caller, by accident
                throw new IllegalStateException("No browser session");
            }
            int n = devices.revokeAllExcept(user.id(), current);
            Messages.info("sessions.revokedOthers", Messages.text("sessions.revokedOthers.detail", n));
        } catch (RuntimeException e) {
            Messages.failed(null, "sessions.failed", e);
        }
        sessions = null;
    }

    private String currentHandle() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return authentication.handleOf(mechanism.currentToken(request)).orElse(null);
    }

    public void reload() {
        sessions = null;
    }

    public boolean isShowEnded() {
        return showEnded;
    }

    public void setShowEnded(boolean showEnded) {
        this.showEnded = showEnded;
        sessions = null;
    }
}
