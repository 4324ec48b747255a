package org.triad.bank.interfaces.support.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/** Who is signed in to the bank's screens (menu bar, page guards), and signing out. */
@Named
@RequestScoped
public class CurrentUser {

    public static final String CUSTOMER = "customer";
    public static final String CLERK = "clerk";
    public static final String ADMIN = "admin";

    @Inject
    SecurityContext security;

    @Inject
    BankAuthenticationMechanism mechanism;

    @EJB
    CustomerService customers;

    private CustomerView profile;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isCustomer() {
        return security.isCallerInRole(CUSTOMER);
    }

    public boolean isClerk() {
        return security.isCallerInRole(CLERK) || security.isCallerInRole(ADMIN);
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ADMIN);
    }

    /** The caller's customer id (staff are rows of the same table). */
    public long id() {
        Principal caller = security.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("Nobody is signed in.");
        }
        return Long.parseLong(caller.getName());
    }

    /** Nickname for the menu bar. */
    public String getName() {
        CustomerView me = getProfile();
        return me == null ? null : me.nickname();
    }

    public CustomerView getProfile() {
        if (profile == null && isSignedIn()) {
            profile = customers.profile(id());
        }
        return profile;
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        mechanism.signOut(request);
        external.invalidateSession();
        try {
            request.logout();
        } catch (ServletException e) {
            // the session that carried the sign-in is gone already
        }
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }
}
