package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.triad.bank.application.login.Passkeys;
import org.triad.bank.interfaces.support.web.CurrentUser;
import org.triad.common.domain.DomainException;

/**
 * The passkeys section of the sign-in security page: the customer's passkeys, add one (the browser creates it against
 * a challenge kept in this view), remove one.
 */
@Named
@ViewScoped
public class PasskeyManagement implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Passkeys passkeys;

    @Inject
    CurrentUser user;

    private List<Passkeys.PasskeyView> list;
    private String name;
    private String response;
    private byte[] challenge;

    public List<Passkeys.PasskeyView> getPasskeys() {
        if (list == null) {
            list = passkeys.list(user.id());
        }
        return list;
    }

    /** Checks the name, then hands creation options to the page's script. */
    public void begin() {
        try {
            org.triad.bank.domain.model.login.Passkey.checkedName(name);
            Passkeys.Ceremony ceremony = passkeys.registrationOptions(user.id());
            challenge = ceremony.challenge();
            PrimeFaces.current().ajax().addCallbackParam("options", ceremony.optionsJson());
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void finish() {
        byte[] expected = challenge;
        challenge = null;
        try {
            Passkeys.PasskeyView added = passkeys.register(user.id(), expected, response, name);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    LoginMessages.text("passkey.added"), LoginMessages.text("passkey.added.detail", added.name())));
            name = null;
        } catch (DomainException e) {
            refused(e);
        } finally {
            response = null;
            list = null;
        }
    }

    public void cancelled() {
        challenge = null;
        String reason = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("reason");
        LoginMessages.error(null, "passkey.notAdded", LoginMessages.cancelledDetail(reason));
    }

    public void remove(long passkeyId) {
        try {
            passkeys.remove(user.id(), passkeyId);
            LoginMessages.info("passkey.removed", "passkey.removed.detail");
        } catch (DomainException e) {
            refused(e);
        }
        list = null;
    }

    private static void refused(DomainException e) {
        String key = "problem." + e.problemType();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                LoginMessages.text("passkey.notAdded"), LoginMessages.has(key) ? LoginMessages.text(key) : e.getMessage()));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }
}
