package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.triad.bank.application.login.QrLogin;
import org.triad.bank.domain.model.login.QrSceneException;
import org.triad.bank.domain.model.login.QrSceneStatus;
import org.triad.bank.infrastructure.wechat.WeChatClient;
import org.triad.bank.interfaces.login.web.SignIn;
import org.triad.bank.interfaces.ratelimit.RateLimiter;
import org.triad.bank.interfaces.security.LoginOutcome;
import org.triad.bank.interfaces.security.PortalLogin;

/**
 * The "QR code" tab of the sign-in page: shows a QR code for a new scene bound to this browser, polls its status,
 * and once a signed-in phone confirmed it signs this browser in (the same browser only: the scene's secret is in
 * this HTTP session). Scene creation and polling are rate-limited per client address.
 */
@Named
@ViewScoped
public class QrSignIn implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CREATE_RULE = "qr-login";
    static final String POLL_RULE = "qr-login-poll";

    @EJB
    transient QrLogin qrLogin;

    @Inject
    transient SecurityContext security;

    @Inject
    transient LoginOutcome outcome;

    @Inject
    transient RateLimiter rateLimiter;

    @Inject
    transient WeChatClient weChat;

    private String scene;
    private Instant expiresAt;
    private QrSceneStatus status;
    private boolean weChatHeld;
    private String weChatImage;
    private String next;
    private int imageVersion;

    /** On the first rendering of the tab (not on its polls): a new scene for this browser. */
    public void init() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() || scene != null
                || !"qr".equals(faces.getExternalContext().getRequestParameterMap().get("method"))
                || org.triad.bank.interfaces.security.PortalLogin.secondStepPending(request())) {
            return;
        }
        String requested = faces.getExternalContext().getRequestParameterMap().get("next");
        next = requested == null || requested.length() > 500 ? null : requested;
        start();
    }

    /** Creates a scene for this browser (also "show a new QR code" after one expired or was refused). */
    public void start() {
        HttpServletRequest request = request();
        if (!rateLimiter.hit(CREATE_RULE, rateLimiter.clientAddress(request), null).allowed()) {
            LoginMessages.error(null, "qr.failed", "qr.tooMany");
            status = QrSceneStatus.EXPIRED;
            return;
        }
        String userAgent = request.getHeader("User-Agent");
        QrLogin.Created created = qrLogin.create(PortalLogin.qrSecret(request), userAgent, request.getRemoteAddr());
        scene = created.sceneId();
        imageVersion++;
        expiresAt = created.expiresAt();
        status = QrSceneStatus.PENDING;
        weChatHeld = false;
        PortalLogin.showScene(request, scene);
        weChatImage = null;
        if (weChat.enabled()) {
            try {
                weChatImage = weChat.sceneQrCode(scene, qrLogin.lifetimeSeconds()).imageUrl();
            } catch (RuntimeException e) {
                // WeChat unreachable: the bank's own QR code still works
                java.util.logging.Logger.getLogger(QrSignIn.class.getName()).warning("WeChat QR code: " + e);
            }
        }
    }

    /** One poll: shows the status; a confirmed scene signs this browser in and leaves the page. */
    public void poll() throws IOException {
        if (scene == null || isFinished()) {
            return;
        }
        HttpServletRequest request = request();
        if (!rateLimiter.hit(POLL_RULE, rateLimiter.clientAddress(request), null).allowed()) {
            return;
        }
        try {
            status = qrLogin.status(scene);
            weChatHeld = qrLogin.heldOpenid(scene, PortalLogin.qrSecret(request)).isPresent();
        } catch (QrSceneException e) {
            status = QrSceneStatus.EXPIRED;
        }
        if (status == QrSceneStatus.CONFIRMED) {
            signIn();
        }
    }

    private void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus result = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(
                        new org.triad.bank.interfaces.security.QrSceneCredential(scene)).newAuthentication(true));
        if (result == AuthenticationStatus.SUCCESS) {
            status = QrSceneStatus.CONSUMED;
            SignIn.proceed(external, request, next, SignIn.CUSTOMER_HOME);
            return;
        }
        String why = outcome.qrRefusal();
        status = "rejected".equals(why) ? QrSceneStatus.REJECTED
                : "used".equals(why) ? QrSceneStatus.CONSUMED : QrSceneStatus.EXPIRED;
        LoginMessages.error(null, "qr.failed", why == null ? "qr.refused" : "qr.refused." + why);
    }

    public boolean isFinished() {
        return status != null && status.isFinal();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getScene() {
        return scene;
    }

    public String getStatus() {
        return status == null ? null : status.name();
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isWeChatHeld() {
        return weChatHeld;
    }

    public String getWeChatImage() {
        return weChatImage;
    }

    /** Cache-busting parameter of the QR image: a new scene draws a new image. */
    public int getImageVersion() {
        return imageVersion;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    Optional<String> scene() {
        return Optional.ofNullable(scene);
    }
}
