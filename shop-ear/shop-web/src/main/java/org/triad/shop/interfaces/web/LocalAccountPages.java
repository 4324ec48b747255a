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
import org.triad.shop.application.AccountService;
import org.triad.shop.interfaces.security.PendingLink;
import org.triad.shop.interfaces.security.SafeNext;
import org.triad.shop.interfaces.security.ShopCredential;
import org.triad.shop.interfaces.security.SignedIn;

/**
 * The shop-local account pages: register, activate with the mailed code, reset the password with a mailed code, and
 * link a bank sign-in to the local account with the same e-mail after its password is proven (or keep them apart).
 */
@Named
@RequestScoped
public class LocalAccountPages {

    @EJB
    AccountService accounts;

    @Inject
    SecurityContext security;

    private String nickname;
    private String email;
    private String password;
    private String code;

    public String register() {
        try {
            accounts.register(nickname, email, password);
        } catch (RuntimeException e) {
            Messages.refused(e, "register");
            return null;
        }
        return "/activate?faces-redirect=true&sent=true&email=" + java.net.URLEncoder.encode(email.strip(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String activate() {
        try {
            accounts.activate(email, code);
        } catch (RuntimeException e) {
            Messages.refused(e, "activate");
            return null;
        }
        return "/signin?faces-redirect=true&activated=true";
    }

    public void resendActivation() {
        accounts.resendActivation(email);
        Messages.info("activate.resent");
    }

    public void requestReset() {
        accounts.requestReset(email);
        Messages.info("reset.sent");
    }

    public String reset() {
        try {
            accounts.resetPassword(email, code, password);
        } catch (RuntimeException e) {
            Messages.refused(e, "reset");
            return null;
        }
        return "/signin?faces-redirect=true&reset=true";
    }

    public PendingLink getPendingLink() {
        Object value = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(PendingLink.ATTRIBUTE);
        return value instanceof PendingLink link ? link : null;
    }

    /** The local password is right: the bank identity is linked to the local account, which is signed in. */
    public void link() throws IOException {
        PendingLink pending = getPendingLink();
        if (pending == null) {
            redirect("/signin.xhtml");
            return;
        }
        AccountService.LocalSignIn result;
        try {
            result = accounts.linkWithPassword(pending.localLogin(), password, pending.tokens().subject(),
                    pending.tokens().name(), pending.tokens().email());
        } catch (RuntimeException e) {
            Messages.refused(e, "link");
            return;
        }
        if (result.outcome() != AccountService.Outcome.OK) {
            FacesContext.getCurrentInstance().addMessage("link:password", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text(result.outcome() == AccountService.Outcome.LOCKED ? "signin.locked"
                            : "signin.invalid"), null));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        signIn(new SignedIn(result.user().id(), "bank", pending.tokens()), pending.next());
    }

    /** Keep the accounts apart: a new shop user for the bank identity. */
    public void keepApart() throws IOException {
        PendingLink pending = getPendingLink();
        if (pending == null) {
            redirect("/signin.xhtml");
            return;
        }
        var user = accounts.signInWithBank(pending.tokens().subject(), pending.tokens().name(), pending.tokens().email(),
                true).user();
        signIn(new SignedIn(user.id(), "bank", pending.tokens()), pending.next());
    }

    private void signIn(SignedIn signedIn, String next) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getSessionMap().remove(PendingLink.ATTRIBUTE);
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new ShopCredential(signedIn)).newAuthentication(true));
        redirect(status == AuthenticationStatus.SUCCESS ? SafeNext.of(next) : "/signin.xhtml?bankError=refused");
    }

    private static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        FacesContext.getCurrentInstance().responseComplete();
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
