package org.triad.bank.interfaces.oauth.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** The developer console's list: the customer's apps, their review status; rotate a secret, delete. */
@Named
@ViewScoped
public class DeveloperApps implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OpenPlatform platform;

    @Inject
    CurrentUser user;

    private List<ClientView> apps;
    /** A new secret, shown once in a dialog and then forgotten. */
    private String newSecret;
    private String newSecretClientId;

    public List<ClientView> getApps() {
        if (apps == null) {
            try {
                apps = platform.appsOf(user.id());
            } catch (RuntimeException e) {
                apps = List.of();
                OAuthTexts.failed("apps.failed", e);
            }
        }
        return apps;
    }

    public void rotate(long appId) {
        try {
            newSecret = platform.rotateSecret(user.id(), appId);
            newSecretClientId = platform.app(user.id(), appId).clientId();
            OAuthTexts.info("apps.rotated", OAuthTexts.text("apps.secret.once"));
        } catch (RuntimeException e) {
            newSecret = null;
            OAuthTexts.failed("apps.failed", e);
        }
    }

    public void delete(long appId) {
        try {
            platform.delete(user.id(), appId);
            OAuthTexts.info("apps.deleted", null);
        } catch (RuntimeException e) {
            OAuthTexts.failed("apps.failed", e);
        }
        apps = null;
    }

    public void forgetSecret() {
        newSecret = null;
        newSecretClientId = null;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public String getNewSecretClientId() {
        return newSecretClientId;
    }
}
