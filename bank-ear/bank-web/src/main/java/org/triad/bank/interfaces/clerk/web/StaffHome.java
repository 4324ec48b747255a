package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/** The back office's start page after a staff sign-in: what waits for the clerk, and the tools of the role. */
@Named
@RequestScoped
public class StaffHome {

    private static final int LIMIT = 200;

    @EJB
    ClerkService clerk;

    @Inject
    CurrentUser user;

    private Integer waiting;

    /** Customers waiting for KYC review (up to 200; "200+" beyond). */
    public String getWaiting() {
        if (waiting == null) {
            try {
                waiting = clerk.search(user.id(), "UNREVIEWED", null, 0, LIMIT + 1).size();
            } catch (RuntimeException e) {
                waiting = 0;
                Messages.failed(null, "clerk.searchFailed", e);
            }
        }
        return waiting > LIMIT ? LIMIT + "+" : String.valueOf(waiting);
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }
}
