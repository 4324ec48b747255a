package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.login.TotpService;
import org.triad.bank.domain.model.code.InvalidCodeException;
import org.triad.bank.domain.model.shared.InvalidStateException;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * The portal's sign-in security screen: the TOTP authenticator (enrol with a QR code or the typed secret, confirm
 * with a first code, recovery codes shown once, regenerate, disable with a code or the password).
 */
@Named
@ViewScoped
public class Security implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient TotpService totp;

    @Inject
    CurrentUser user;

    private String secret;
    private String code;
    private String proof;
    private List<String> recoveryCodes;
    private int imageVersion;

    public TotpService.State getState() {
        return totp.state(user.id());
    }

    public void start() {
        try {
            secret = totp.start(user.id()).secret();
            imageVersion++;
            recoveryCodes = null;
            LoginMessages.info("totp.started", "totp.started.detail");
        } catch (InvalidStateException e) {
            LoginMessages.error(null, "totp.failed", "totp.alreadyActive");
        }
    }

    public void confirm() {
        try {
            recoveryCodes = totp.confirm(user.id(), code);
            secret = null;
            LoginMessages.info("totp.enabled", "totp.enabled.detail");
        } catch (InvalidCodeException e) {
            LoginMessages.error("totp:code", "totp.failed", "totp.wrongCode");
        } catch (InvalidStateException e) {
            LoginMessages.error(null, "totp.failed", "totp.notPending");
        } finally {
            code = null;
        }
    }

    public void regenerate() {
        try {
            recoveryCodes = totp.regenerateRecoveryCodes(user.id());
            LoginMessages.info("recovery.regenerated", "recovery.regenerated.detail");
        } catch (InvalidStateException e) {
            LoginMessages.error(null, "totp.failed", "totp.notActive");
        }
    }

    public void disable() {
        try {
            switch (totp.disable(user.id(), proof)) {
                case OK, NOT_ENROLLED -> {
                    recoveryCodes = null;
                    secret = null;
                    LoginMessages.info("totp.disabled", "totp.disabled.detail");
                }
                case LOCKED -> LoginMessages.error("disable:proof", "totp.failed", "totp.locked");
                case WRONG -> LoginMessages.error("disable:proof", "totp.failed", "totp.wrongProof");
            }
        } finally {
            proof = null;
        }
    }

    /** The pending enrolment's secret for typing in (also after a reload of the page). */
    public String getSecret() {
        if (secret == null && getState().pending()) {
            secret = totp.pending(user.id()).map(TotpService.Setup::secret).orElse(null);
        }
        return secret;
    }

    /** Changes with each new secret so the browser fetches the new QR image. */
    public int getImageVersion() {
        return imageVersion;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getProof() {
        return proof;
    }

    public void setProof(String proof) {
        this.proof = proof;
    }
}
