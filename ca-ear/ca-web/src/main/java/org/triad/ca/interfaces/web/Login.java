package org.triad.ca.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The CA's sign-in screen. Credentials go to the application's authentication mechanism through
 * {@link SecurityContext#authenticate}; on success the browser is sent to the admin page it asked
 * for ({@code next}), which must be a local {@code /admin/} path — anything else (another host,
 * scheme-relative URLs) falls back to the dashboard, so the page is no open redirect.
 */
@Named
@RequestScoped
public class Login {

    static final String DASHBOARD = "/admin/dashboard.xhtml";

    @Inject
    SecurityContext security;

    private String username;

    private String password;

    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password))
                .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> {
                // a fresh session id after sign-in: a session id planted before cannot be ridden
                request.changeSessionId();
                external.redirect(external.getRequestContextPath() + safeNext(next));
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> Messages.error(null, "login.failed", "login.failed.detail");
        }
    }

    /** The page to go to after sign-in: {@code next} if it is a local admin page, else the dashboard. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin/") || next.contains("//") || next.contains("\\")
                || next.contains("/../") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return DASHBOARD;
        }
        return next;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Where to go after sign-in; on the first visit the {@code next} request parameter. */
    public String getNext() {
        if (next == null) {
            String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
            next = requested == null || requested.length() > 500 ? null : requested;
        }
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
