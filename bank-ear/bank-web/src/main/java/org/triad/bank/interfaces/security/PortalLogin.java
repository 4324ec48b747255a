package org.triad.bank.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.triad.bank.application.support.Hashes;

/**
 * What a browser's HTTP session holds during a sign-in that is not finished yet: the customer waiting for the
 * second step (5 minutes), and the QR login scene this browser shows with the secret that proves it created it.
 */
public final class PortalLogin {

    static final String PENDING_MFA = PortalLogin.class.getName() + ".pendingMfa";
    static final String QR_SCENE = PortalLogin.class.getName() + ".qrScene";
    static final String QR_SECRET = PortalLogin.class.getName() + ".qrSecret";
    static final Duration MFA_STEP_TIME = Duration.ofMinutes(5);

    /** The first step passed for {@code customerId} at {@code at}. */
    record Pending(long customerId, Instant at) implements Serializable {
    }

    private PortalLogin() {
    }

    static void awaitSecondStep(HttpServletRequest request, long customerId) {
        request.getSession(true).setAttribute(PENDING_MFA, new Pending(customerId, Instant.now()));
    }

    /** The customer waiting for the second step in this browser, or null (none, or it took too long). */
    static Long pendingCustomer(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_MFA) instanceof Pending p)) {
            return null;
        }
        if (Instant.now().isAfter(p.at().plus(MFA_STEP_TIME))) {
            session.removeAttribute(PENDING_MFA);
            return null;
        }
        return p.customerId();
    }

    /** Whether this browser waits for the second sign-in step. */
    public static boolean secondStepPending(HttpServletRequest request) {
        return pendingCustomer(request) != null;
    }

    public static void cancelSecondStep(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING_MFA);
        }
    }

    /** The secret that binds QR login scenes to this browser, created on first use. */
    public static String qrSecret(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(QR_SECRET) instanceof String secret) {
            return secret;
        }
        String secret = Hashes.randomToken();
        session.setAttribute(QR_SECRET, secret);
        return secret;
    }

    public static void showScene(HttpServletRequest request, String sceneId) {
        request.getSession(true).setAttribute(QR_SCENE, sceneId);
    }

    /** The QR login scene this browser shows, or null. */
    public static String shownScene(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(QR_SCENE) instanceof String s ? s : null;
    }
}
