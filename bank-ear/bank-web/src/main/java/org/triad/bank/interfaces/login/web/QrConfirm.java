package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.triad.bank.application.login.QrLogin;
import org.triad.bank.domain.model.login.QrSceneException;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * What a signed-in phone sees after scanning a sign-in QR code: which browser (user agent) and address asks and
 * since when, with Confirm and Reject (JSF POSTs, which carry the view state).
 */
@Named
@ViewScoped
public class QrConfirm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient QrLogin qrLogin;

    @Inject
    CurrentUser user;

    private String scene;
    private QrLogin.SceneView view;
    private String refusal;
    private boolean decided;

    /** On the first rendering: the scene from the URL, marked scanned. */
    public void load() {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (faces.isPostback() || view != null || refusal != null) {
            return;
        }
        scene = faces.getExternalContext().getRequestParameterMap().get("scene");
        try {
            view = qrLogin.open(scene);
            if (view.status().isFinal()) {
                refusal = view.status().name().toLowerCase(java.util.Locale.ROOT);
            }
        } catch (QrSceneException e) {
            refusal = e.reason();
        }
    }

    public void confirm() {
        decide(true);
    }

    public void reject() {
        decide(false);
    }

    private void decide(boolean confirm) {
        try {
            if (confirm) {
                qrLogin.confirm(scene, user.id());
                LoginMessages.info("qr.confirmed", "qr.confirmed.detail");
            } else {
                qrLogin.reject(scene, user.id());
                LoginMessages.info("qr.rejected", "qr.rejected.detail");
            }
            decided = true;
        } catch (QrSceneException e) {
            refusal = e.reason();
            LoginMessages.error(null, "qr.failed", "qr.refused." + e.reason());
        }
    }

    public String getScene() {
        return scene;
    }

    public void setScene(String scene) {
        this.scene = scene;
    }

    public QrLogin.SceneView getView() {
        return view;
    }

    public String getRefusal() {
        return refusal;
    }

    public boolean isDecidable() {
        return view != null && refusal == null && !decided;
    }
}
