package org.triad.ca.interfaces.web;

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
import org.triad.ca.domain.model.account.CaAccount;

/** Who is signed in to the CA screens (menu bar), and signing out. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isAdmin() {
        return security.isCallerInRole(CaAccount.ROLE_ADMIN);
    }

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    /** The caller as the audit log records it. */
    static String actor(SecurityContext security) {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "anonymous" : caller.getName();
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        external.invalidateSession();
        try {
            request.logout();
        } catch (ServletException e) {
            // the session that carried the sign-in is gone already
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
