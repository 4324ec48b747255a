package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/** Back office: the audit log, newest first, by actor (customer id) and action; the newest 500 matches. */
@Named
@ViewScoped
public class AuditTrail implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LIMIT = 500;
    static final List<String> ACTIONS = List.of("REGISTERED", "ACTIVATED", "LOGIN", "LOGIN_FAILED", "LOGIN_LOCKED",
            "CODE_REQUESTED", "CODE_REQUEST_LIMITED", "LOGIN_CODES_LOCKED", "PASSWORD_RESET", "PAY_PASSWORD_CHANGED",
            "PAY_PASSWORD_FAILED", "PAY_PASSWORD_LOCKED",
            "MONEY_MOVED", "KYC_APPROVED", "KYC_REJECTED", "CARD_FROZEN", "CARD_UNFROZEN");

    @EJB
    transient ClerkService clerk;

    @Inject
    CurrentUser user;

    private Long actorId;
    private String action;
    private List<AuditLog.View> events;

    public void search() {
        try {
            events = clerk.audit(user.id(), actorId, action, 0, LIMIT);
        } catch (RuntimeException e) {
            events = List.of();
            Messages.failed("filters", "audit.failed", e);
        }
    }

    public List<AuditLog.View> getEvents() {
        if (events == null) {
            search();
        }
        return events;
    }

    public List<String> getActions() {
        return ACTIONS;
    }

    public Long getActorId() {
        return actorId;
    }

    public void setActorId(Long actorId) {
        this.actorId = actorId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
