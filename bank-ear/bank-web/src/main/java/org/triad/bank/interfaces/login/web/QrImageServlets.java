package org.triad.bank.interfaces.login.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.login.QrCodes;
import org.triad.bank.application.login.TotpService;
import org.triad.bank.interfaces.login.rest.QrLoginResource;
import org.triad.bank.interfaces.security.PortalLogin;

/** The QR code images of the login methods. Never cached; each only for the browser or customer it belongs to. */
public final class QrImageServlets {

    private QrImageServlets() {
    }

    static void png(HttpServletResponse response, String text) throws IOException {
        byte[] png = QrCodes.png(text, 240);
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }

    /** The QR login scene this browser shows (its URL for a phone's camera). */
    @WebServlet("/login/qr.png")
    public static class SceneImage extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Inject
        @ConfigProperty(name = "triad.bank.public-url")
        String publicUrl;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String scene = PortalLogin.shownScene(request);
            if (scene == null) {
                response.sendError(404);
                return;
            }
            png(response, QrLoginResource.sceneUrl(publicUrl, scene));
        }
    }

    /** The signed-in customer's pending TOTP enrolment as an otpauth:// QR code. */
    @WebServlet("/portal/totp-qr.png")
    public static class TotpImage extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @EJB
        TotpService totp;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getUserPrincipal() == null) {
                response.sendError(401);
                return;
            }
            Optional<TotpService.Setup> setup = totp.pending(Long.parseLong(request.getUserPrincipal().getName()));
            if (setup.isEmpty()) {
                response.sendError(404);
                return;
            }
            png(response, setup.get().uri());
        }
    }

    /** {@code /qr/<scene>}: what a phone's camera opens; the confirmation page needs a signed-in customer. */
    @WebServlet("/qr/*")
    public static class SceneLink extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String scene = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            if (!scene.matches("[A-Za-z0-9_-]{43}")) {
                response.sendError(404);
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/portal/qr-confirm.xhtml?scene=" + scene);
        }
    }
}
