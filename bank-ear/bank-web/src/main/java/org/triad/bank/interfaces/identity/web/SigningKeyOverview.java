package org.triad.bank.interfaces.identity.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.identity.SigningKeyRotation;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.interfaces.oauth.web.OAuthTexts;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * The back office's signing keys screen: the provider's JWT signing keys (current, retired, still published), the
 * rotation period, and "Rotate now" for administrators.
 */
@Named
@ViewScoped
public class SigningKeyOverview implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SigningKeyRotation rotation;

    @Inject
    CurrentUser user;

    private List<SigningKeys.KeyInfo> keys;

    public List<SigningKeys.KeyInfo> getKeys() {
        if (keys == null) {
            keys = rotation.keys();
        }
        return keys;
    }

    public int getRotationDays() {
        return rotation.rotationDays();
    }

    public void rotate() {
        try {
            String kid = rotation.rotateNow(user.id());
            OAuthTexts.info("keys.rotated", OAuthTexts.text("keys.rotated.detail", kid));
        } catch (RuntimeException e) {
            OAuthTexts.failed("keys.failed", e);
        }
        keys = null;
    }
}
