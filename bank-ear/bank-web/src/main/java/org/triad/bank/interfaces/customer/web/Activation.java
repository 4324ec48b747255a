package org.triad.bank.interfaces.customer.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.interfaces.support.web.Messages;

/** Activating a new account with the code from the registration mail, or asking for a new code. */
@Named
@RequestScoped
public class Activation {

    @EJB
    CustomerService customers;

    private String email;
    private String code;

    public void activate() throws IOException {
        try {
            customers.activate(email.trim(), code.trim());
        } catch (RuntimeException e) {
            Messages.failed("activate", "activate.failed", e);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("activate.done", Messages.text("activate.done.detail"));
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/signin.xhtml");
    }

    public void resend() {
        try {
            customers.resendActivation(email.trim());
            // the same answer whether or not the address is registered and unverified
            Messages.info("activate.resent", Messages.text("activate.resent.detail"));
        } catch (RuntimeException e) {
            Messages.failed("activate", "activate.failed", e);
        }
    }

    public String getEmail() {
        if (email == null) {
            email = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("email");
        }
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
}
