package org.triad.bank.interfaces.web;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.triad.bank.application.Authentication;
import org.triad.bank.interfaces.security.LoginOutcome;

/**
 * The sign-in screen of the portal and the back office. Credentials go to the bank's authentication mechanism
 * through {@link SecurityContext#authenticate}; on success the browser goes to the page it asked for
 * ({@code next}, a local portal or back-office path only, so the page is no open redirect) or to the caller's
 * start page.
 */
@Named
@RequestScoped
public class SignIn {

    static final String CUSTOMER_HOME = "/portal/dashboard.xhtml";
    static final String CLERK_HOME = "/clerk/index.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    LoginOutcome outcome;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                        password == null ? "" : password))
                .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> {
                // a fresh session id after sign-in: a session id planted before cannot be ridden
                request.changeSessionId();
                boolean staff = security.isCallerInRole(CurrentUser.CLERK) || security.isCallerInRole(CurrentUser.ADMIN);
                external.redirect(external.getRequestContextPath() + safeNext(next, staff ? CLERK_HOME : CUSTOMER_HOME));
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> refused();
        }
    }

    private void refused() {
        Authentication.Outcome why = outcome.outcome();
        if (why == Authentication.Outcome.LOCKED) {
            String until = outcome.lockedUntil() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(Messages.locale()).withZone(ZoneId.systemDefault()).format(outcome.lockedUntil());
            Messages.error(null, "signin.failed", Messages.text("signin.locked", until));
        } else if (why == Authentication.Outcome.NOT_ACTIVATED) {
            Messages.error(null, "signin.failed", Messages.text("signin.notActivated"));
        } else {
            Messages.error(null, "signin.failed", Messages.text("signin.invalid"));
        }
    }

    /**
     * The page to go to after sign-in: {@code next} if it is a local portal or back-office page, or the OAuth
     * authorization endpoint resuming an app's request.
     */
    static String safeNext(String next, String fallback) {
        if (next == null || !(next.startsWith("/portal/") || next.startsWith("/clerk/")
                || next.startsWith("/oauth2/authorize?")) || next.contains("//")
                || next.contains("\\") || next.contains("/../") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        return next;
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
