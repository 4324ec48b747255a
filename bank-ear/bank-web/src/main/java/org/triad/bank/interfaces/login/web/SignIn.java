package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.login.EmailCodeLogin;
import org.triad.bank.interfaces.login.web.LoginMessages;
import org.triad.bank.interfaces.ratelimit.RateLimiter;
import org.triad.bank.interfaces.security.EmailCodeCredential;
import org.triad.bank.interfaces.security.LoginOutcome;
import org.triad.bank.interfaces.security.PortalLogin;
import org.triad.bank.interfaces.security.SecondFactorCredential;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The sign-in screen of the portal and the back office. Credentials go to the bank's authentication mechanism
 * through {@link SecurityContext#authenticate}; on success the browser goes to the page it asked for
 * ({@code next}, a local portal or back-office path only, so the page is no open redirect) or to the caller's
 * start page. Besides the password, a customer can sign in with a code sent by email or (bean {@code QrSignIn})
 * a QR code confirmed on a signed-in phone; with an authenticator app, a password or email-code sign-in asks for its
 * code (or a recovery code) as a second step before any session opens.
 */
@Named
@RequestScoped
public class SignIn {

    public static final String CUSTOMER_HOME = "/portal/dashboard.xhtml";
    static final String CLERK_HOME = "/clerk/index.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    LoginOutcome outcome;

    @EJB
    EmailCodeLogin emailCodes;

    @Inject
    RateLimiter rateLimiter;

    private String username;
    private String password;
    private String next;
    private String email;
    private String code;
    private String secondCode;

    public void signIn() throws IOException {
        Credential credential = new UsernamePasswordCredential(username == null ? "" : username.trim(),
                password == null ? "" : password);
        password = null;
        authenticate(credential);
    }

    /** Mails a sign-in code (the same answer whether or not the address has an account). */
    public void sendCode() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        if (!rateLimiter.hit("login-codes", rateLimiter.clientAddress(request), null).allowed()) {
            LoginMessages.error(null, "code.failed", "code.tooMany");
            return;
        }
        emailCodes.requestCode(email == null ? null : email.trim());
        LoginMessages.info("code.sent", "code.sent.detail");
    }

    public void signInWithCode() throws IOException {
        Credential credential = new EmailCodeCredential(email == null ? "" : email.trim(), code);
        code = null;
        authenticate(credential);
    }

    /** The second step: a code from the authenticator app or a recovery code. */
    public void verifySecondStep() throws IOException {
        Credential credential = new SecondFactorCredential(secondCode == null ? "" : secondCode.trim());
        secondCode = null;
        authenticate(credential);
    }

    public void cancelSecondStep() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        PortalLogin.cancelSecondStep((HttpServletRequest) external.getRequest());
        external.redirect(external.getRequestContextPath() + "/signin.xhtml");
    }

    /** Whether this browser passed the first step and waits for the authenticator code. */
    public boolean isSecondStepPending() {
        return PortalLogin.secondStepPending((HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest());
    }

    private void authenticate(Credential credential) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(credential).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS && outcome.isSecondStepRequired()) {
            // the first step was right: the same page asks for the authenticator code (a GET, so a reload does
            // not post the password again)
            external.redirect(external.getRequestContextPath() + "/signin.xhtml"
                    + (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next,
                            java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        switch (status) {
            case SUCCESS -> {
                boolean staff = security.isCallerInRole(CurrentUser.CLERK) || security.isCallerInRole(CurrentUser.ADMIN);
                proceed(external, request, next, staff ? CLERK_HOME : CUSTOMER_HOME);
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> refused();
        }
    }

    private void refused() {
        Authentication.Outcome why = outcome.outcome();
        if (isSecondStepPending() && why != Authentication.Outcome.LOCKED) {
            LoginMessages.error("mfa:secondCode", "mfa.failed", "mfa.wrong");
            return;
        }
        if (why == Authentication.Outcome.LOCKED) {
            String until = outcome.lockedUntil() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(Messages.locale()).withZone(ZoneId.systemDefault()).format(outcome.lockedUntil());
            Messages.error(null, "signin.failed", Messages.text("signin.locked", until));
        } else if (why == Authentication.Outcome.CODES_LOCKED) {
            Messages.error(null, "signin.failed", Messages.text("problem.sign-in-codes-locked"));
        } else if (why == Authentication.Outcome.NOT_ACTIVATED) {
            Messages.error(null, "signin.failed", Messages.text("signin.notActivated"));
        } else {
            Messages.error(null, "signin.failed", Messages.text("signin.invalid"));
        }
    }

    /**
     * After a sign-in by any method: a fresh session id (a session id planted before cannot be ridden), then on to
     * {@link #safeNext(String, String) next} or {@code home}.
     */
    public static void proceed(ExternalContext external, HttpServletRequest request, String next, String home)
            throws IOException {
        request.changeSessionId();
        external.redirect(external.getRequestContextPath() + safeNext(next, home));
    }

    /**
     * The page to go to after sign-in: {@code next} if it is a local portal or back-office page, or the OAuth
     * authorization endpoint resuming an app's request.
     */
    public static String safeNext(String next, String fallback) {
        if (next == null || !(next.startsWith("/portal/") || next.startsWith("/clerk/")
                || next.startsWith("/oauth2/authorize?")) || next.contains("//")
                || next.contains("\\") || next.contains("/../") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        return next;
    }

    /** {@code &next=...} for the links between the sign-in methods, or empty. */
    public String getNextQuery() {
        String n = getNext();
        return n == null ? "" : "&next=" + java.net.URLEncoder.encode(n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The sign-in method tab: {@code password} (default), {@code code} or {@code qr}. */
    public String getMethod() {
        String m = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("method");
        return "code".equals(m) || "qr".equals(m) ? m : "password";
    }

    public int getMethodIndex() {
        return switch (getMethod()) {
            case "code" -> 1;
            case "qr" -> 2;
            default -> 0;
        };
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getSecondCode() {
        return secondCode;
    }

    public void setSecondCode(String secondCode) {
        this.secondCode = secondCode;
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
