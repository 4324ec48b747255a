package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.triad.bank.application.support.OutboxDeliveries;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxStatus;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * Back office: what the bank still has to send (pending) or gave up on (dead) — merchant notifications, mails,
 * back-channel logouts — newest first with every attempt, and a resend for deliveries of the last 30 days.
 */
@Named
@ViewScoped
public class Deliveries implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LIMIT = 200;

    @EJB
    transient OutboxDeliveries outbox;

    @Inject
    CurrentUser user;

    private String status = "PENDING_OR_DEAD";
    private OutboxKind kind;
    private List<OutboxDeliveries.View> rows;

    public void search() {
        try {
            rows = outbox.list(user.id(), statuses(), kind, LIMIT);
        } catch (RuntimeException e) {
            rows = List.of();
            Messages.failed("filters", "outbox.failed", e);
        }
    }

    public void resend(long id) {
        try {
            OutboxDeliveries.View v = outbox.resend(user.id(), id);
            Messages.info("outbox.resent", v.kind() + " → " + v.destination());
        } catch (RuntimeException e) {
            Messages.failed("filters", "outbox.resendFailed", e);
        }
        search();
    }

    private Set<OutboxStatus> statuses() {
        return switch (status) {
            case "PENDING" -> EnumSet.of(OutboxStatus.PENDING);
            case "DEAD" -> EnumSet.of(OutboxStatus.DEAD);
            case "DELIVERED" -> EnumSet.of(OutboxStatus.DELIVERED);
            default -> EnumSet.of(OutboxStatus.PENDING, OutboxStatus.DEAD);
        };
    }

    public List<OutboxDeliveries.View> getRows() {
        if (rows == null) {
            search();
        }
        return rows;
    }

    public List<String> getStatusChoices() {
        return List.of("PENDING_OR_DEAD", "PENDING", "DEAD", "DELIVERED");
    }

    public OutboxKind[] getKinds() {
        return OutboxKind.values();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public OutboxKind getKind() {
        return kind;
    }

    public void setKind(OutboxKind kind) {
        this.kind = kind;
    }
}
