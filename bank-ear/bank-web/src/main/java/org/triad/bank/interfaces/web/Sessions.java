package org.triad.bank.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.Authentication;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/**
 * The customer's sign-ins (browser and API sessions): user agent, address, when, last seen, the current one
 * marked; signing out one of them or all others ends them at once (their tokens get 401).
 */
@Named
@ViewScoped
public class Sessions implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Authentication authentication;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Inject
    CurrentUser user;

    private boolean showEnded;
    private List<Authentication.SessionView> sessions;

    public List<Authentication.SessionView> getSessions() {
        if (sessions == null) {
            try {
                HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance()
                        .getExternalContext().getRequest();
                sessions = authentication.sessions(user.id(), mechanism.currentToken(request)).stream()
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

    public void revoke(long sessionId) {
        try {
            authentication.revokeSession(user.id(), sessionId);
            Messages.info("sessions.revoked", Messages.text("sessions.revoked.detail"));
        } catch (RuntimeException e) {
            Messages.failed(null, "sessions.failed", e);
        }
        sessions = null;
    }

    public void revokeOthers() {
        try {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest();
            String current = mechanism.currentToken(request);
            if (current == null) {
                // never sign out everything, including the caller, by accident
                throw new IllegalStateException("No browser session token");
            }
            int n = authentication.revokeOtherSessions(user.id(), current);
            Messages.info("sessions.revokedOthers", Messages.text("sessions.revokedOthers.detail", n));
        } catch (RuntimeException e) {
            Messages.failed(null, "sessions.failed", e);
        }
        sessions = null;
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
