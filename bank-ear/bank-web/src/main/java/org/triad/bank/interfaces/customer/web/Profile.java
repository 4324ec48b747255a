package org.triad.bank.interfaces.customer.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The customer's profile and security screen: nickname, login password (given the current one; other sessions
 * are signed out), pay password (confirmed by a code sent by mail).
 */
@Named
@ViewScoped
public class Profile implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CustomerService customers;

    @EJB
    transient Authentication authentication;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Inject
    CurrentUser user;

    private String nickname;
    private String phone;
    private boolean phoneLoaded;
    private String currentPassword;
    private String newPassword;
    private String confirmPassword;
    private String newPayPassword;
    private String confirmPayPassword;
    private String code;

    public CustomerView getMe() {
        return user.getProfile();
    }

    public void saveNickname() {
        try {
            CustomerView me = customers.updateProfile(user.id(), nickname, phone);
            nickname = me.nickname();
            phone = me.phone();
            Messages.info("profile.saved", Messages.text("profile.saved.detail", me.nickname()));
        } catch (RuntimeException e) {
            Messages.failed("profile", "profile.failed", e);
        }
    }

    public void changePassword() {
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                Messages.error("password:confirmPassword", "password.mismatch", Messages.text("password.mismatch"));
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            Authentication.Outcome outcome = authentication.changePassword(user.id(), currentPassword, newPassword,
                    mechanism.currentToken(request()));
            switch (outcome) {
                case OK -> Messages.info("password.changed", Messages.text("password.changed.detail"));
                case LOCKED -> {
                    Messages.error("password:currentPassword", "password.failed", Messages.text("password.locked"));
                    FacesContext.getCurrentInstance().validationFailed();
                }
                default -> {
                    Messages.error("password:currentPassword", "password.failed", Messages.text("password.wrong"));
                    FacesContext.getCurrentInstance().validationFailed();
                }
            }
        } catch (RuntimeException e) {
            Messages.failed("password", "password.failed", e);
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmPassword = null;
        }
    }

    public void requestPayPasswordCode() {
        try {
            customers.requestCode(user.id(), CodePurpose.PAY_PASSWORD, null);
            Messages.info("code.sent", Messages.text("code.sent.detail"));
        } catch (RuntimeException e) {
            Messages.failed("payPassword", "code.failed", e);
        }
    }

    public void changePayPassword() {
        try {
            if (newPayPassword == null || !newPayPassword.equals(confirmPayPassword)) {
                Messages.error("payPassword:confirmPayPassword", "payPassword.mismatch",
                        Messages.text("payPassword.mismatch"));
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            customers.changePayPassword(user.id(), newPayPassword, code);
            code = null;
            Messages.info("payPassword.changed", Messages.text("payPassword.changed.detail"));
        } catch (RuntimeException e) {
            Messages.failed("payPassword", "payPassword.failed", e);
        } finally {
            newPayPassword = null;
            confirmPayPassword = null;
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getNickname() {
        if (nickname == null && getMe() != null) {
            nickname = getMe().nickname();
        }
        return nickname;
    }

    public String getPhone() {
        if (!phoneLoaded && getMe() != null) {
            phone = getMe().phone();
            phoneLoaded = true;
        }
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
        this.phoneLoaded = true;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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

    public String getNewPayPassword() {
        return newPayPassword;
    }

    public void setNewPayPassword(String newPayPassword) {
        this.newPayPassword = newPayPassword;
    }

    public String getConfirmPayPassword() {
        return confirmPayPassword;
    }

    public void setConfirmPayPassword(String confirmPayPassword) {
        this.confirmPayPassword = confirmPayPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
