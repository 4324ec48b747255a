package org.triad.bank.interfaces.customer.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.interfaces.support.web.Messages;

/** Opening an account: nickname, email, login password, pay password; the activation code comes by mail. */
@Named
@ViewScoped
public class Registration implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CustomerService customers;

    private String nickname;
    private String email;
    private String password;
    private String payPassword;

    public void register() throws IOException {
        try {
            customers.register(nickname, email.trim(), password, payPassword);
        } catch (RuntimeException e) {
            Messages.failed("register", "register.failed", e);
            return;
        } finally {
            password = null;
            payPassword = null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("register.done", Messages.text("register.done.detail", email.trim()));
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/activate.xhtml?email="
                + URLEncoder.encode(email.trim(), StandardCharsets.UTF_8));
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

    public String getPayPassword() {
        return payPassword;
    }

    public void setPayPassword(String payPassword) {
        this.payPassword = payPassword;
    }
}
