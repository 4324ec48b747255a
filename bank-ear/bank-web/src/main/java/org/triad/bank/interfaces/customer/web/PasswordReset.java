package org.triad.bank.interfaces.customer.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * Forgotten password, from the sign-in page: the email address gets a code (the page says the same whether the
 * address is registered or not, so it tells nobody who banks here), then the code and a new password. A reset
 * lifts a lockout and signs out every session.
 */
@Named
@ViewScoped
public class PasswordReset implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CustomerService customers;

    private String email;
    private String code;
    private String newPassword;
    private String confirmPassword;
    private boolean codeRequested;

    public void requestCode() {
        try {
            customers.requestPasswordReset(email == null ? "" : email.trim());
            codeRequested = true;
            Messages.info("reset.codeSent", Messages.text("reset.codeSent.detail", email));
        } catch (RuntimeException e) {
            Messages.failed("reset", "code.failed", e);
        }
    }

    public void reset() throws IOException {
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                Messages.error("reset:confirmPassword", "password.mismatch", Messages.text("password.mismatch"));
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            customers.resetPassword(email.trim(), code, newPassword);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/signin.xhtml?reset=true");
        } catch (RuntimeException e) {
            Messages.failed("reset", "reset.failed", e);
        } finally {
            newPassword = null;
            confirmPassword = null;
        }
    }

    /** Back to the first step, e.g. for another address. */
    public void restart() {
        codeRequested = false;
        code = null;
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

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }

    public boolean isCodeRequested() {
        return codeRequested;
    }
}
