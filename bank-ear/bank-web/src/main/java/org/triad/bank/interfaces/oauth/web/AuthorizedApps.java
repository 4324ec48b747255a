package org.triad.bank.interfaces.oauth.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** "Authorized apps": the apps the customer consented to; revoking ends the app's access (its device sessions). */
@Named
@ViewScoped
public class AuthorizedApps implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthProvider provider;

    @EJB
    transient OAuthGrants grants;

    @Inject
    CurrentUser user;

    private List<OAuthProvider.ConsentView> consents;

    public List<OAuthProvider.ConsentView> getConsents() {
        if (consents == null) {
            consents = provider.consents(user.id());
        }
        return consents;
    }

    public String scopes(OAuthProvider.ConsentView consent) {
        return String.join(", ", consent.scopes().stream().map(OAuthTexts::scope).toList());
    }

    public void revoke(long consentId) {
        try {
            grants.revokeConsent(user.id(), consentId);
            OAuthTexts.info("authorized.revoked", OAuthTexts.text("authorized.revoked.detail"));
        } catch (RuntimeException e) {
            OAuthTexts.failed("authorized.failed", e);
        }
        consents = null;
    }
}
