package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.triad.shop.application.AccountService;
import org.triad.shop.interfaces.security.SafeNext;
import org.triad.shop.interfaces.security.ShopCredential;
import org.triad.shop.interfaces.security.SignedIn;

/** The sign-in page: "sign in with Triad Bank" (the main way in) or a local shop account. */
@Named
@RequestScoped
public class SignInPage {

    @EJB
    AccountService accounts;

    @Inject
    SecurityContext security;

    private String login;
    private String password;
    private String next;
    private String bankError;

    /** The link that starts a sign-in with the bank. */
    public String getBankUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/oauth/start?next="
                + URLEncoder.encode(SafeNext.of(next), StandardCharsets.UTF_8);
    }

    /** A reason the bank's answer was refused, in words. */
    public String getBankErrorText() {
        if (bankError == null || bankError.isBlank()) {
            return null;
        }
        String text = Messages.text("signin.bankError." + bankError.replaceAll("[^a-z_-]", ""));
        return text != null ? text : Messages.text("signin.bankError.other");
    }

    public void local() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AccountService.LocalSignIn result = accounts.signInLocal(login, password);
        if (result.outcome() != AccountService.Outcome.OK) {
            String key = switch (result.outcome()) {
                case LOCKED -> "signin.locked";
                case NOT_ACTIVATED -> "signin.notActivated";
                default -> "signin.invalid";
            };
            faces.addMessage("local:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.text(key), null));
            faces.validationFailed();
            return;
        }
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new ShopCredential(new SignedIn(result.user().id(), "local", null)))
                        .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            faces.addMessage("local:password", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("signin.invalid"), null));
            faces.validationFailed();
            return;
        }
        external.redirect(external.getRequestContextPath() + SafeNext.of(next));
        faces.responseComplete();
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getBankError() {
        return bankError;
    }

    public void setBankError(String bankError) {
        this.bankError = bankError;
    }
}
