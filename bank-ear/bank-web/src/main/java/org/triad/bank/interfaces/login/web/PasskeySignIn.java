package org.triad.bank.interfaces.login.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.primefaces.PrimeFaces;
import org.triad.bank.application.login.Passkeys;
import org.triad.bank.interfaces.login.web.SignIn;
import org.triad.bank.interfaces.security.LoginOutcome;
import org.triad.bank.interfaces.security.PasskeyCredential;

/**
 * "Sign in with a passkey" on the sign-in page: asks the browser for any of the customer's passkeys against a new
 * challenge (kept in this view, on the server, used once), then signs in through the authentication mechanism.
 * Refusals are counted like wrong passwords (rate limit), and say no more than "not accepted".
 */
@Named
@ViewScoped
public class PasskeySignIn implements Serializable {

    /** Its messages belong to its button: shown by the passkey form's own messages, not by the password form's. */
    static final String MESSAGES_FOR = "passkeySignin:passkey";

    private static final long serialVersionUID = 1L;

    @EJB
    transient Passkeys passkeys;

    @Inject
    transient SecurityContext security;

    @Inject
    transient LoginOutcome outcome;

    private byte[] challenge;
    private String response;
    private String next;

    @PostConstruct
    void init() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
        next = requested == null || requested.length() > 500 ? null : requested;
    }

    /** A new challenge; the options go to the page's script, which asks the browser. */
    public void begin() {
        Passkeys.Ceremony ceremony = passkeys.authenticationOptions();
        challenge = ceremony.challenge();
        PrimeFaces.current().ajax().addCallbackParam("options", ceremony.optionsJson());
    }

    /** The browser's answer: verified by the mechanism; signed in, the browser leaves for {@code next}. */
    public void finish() throws IOException {
        byte[] expected = challenge;
        challenge = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (expected == null || response == null || response.isBlank()) {
            LoginMessages.error(MESSAGES_FOR, "passkey.failed", "passkey.refused");
            return;
        }
        AuthenticationStatus result = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new PasskeyCredential(response, expected))
                        .newAuthentication(true));
        response = null;
        if (result == AuthenticationStatus.SUCCESS) {
            SignIn.proceed(external, request, next, SignIn.CUSTOMER_HOME);
            return;
        }
        LoginMessages.error(MESSAGES_FOR, "passkey.failed",
                outcome.lockedUntil() != null ? "passkey.locked" : "passkey.refused");
    }

    /** The browser gave no answer (cancelled, no passkey for this site, not supported). */
    public void cancelled() {
        challenge = null;
        String reason = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("reason");
        LoginMessages.error(MESSAGES_FOR, "passkey.failed", LoginMessages.cancelledDetail(reason));
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
