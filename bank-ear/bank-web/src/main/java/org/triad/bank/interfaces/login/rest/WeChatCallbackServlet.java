package org.triad.bank.interfaces.login.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.triad.bank.application.login.WeChatLogin;
import org.triad.bank.infrastructure.wechat.WeChatEvent;
import org.triad.bank.infrastructure.wechat.WeChatSettings;
import org.triad.bank.infrastructure.wechat.WeChatSignature;

/**
 * WeChat's server calls this URL (configured in the official account): {@code GET} to verify it (echo
 * {@code echostr} only with a valid signature), {@code POST} with an XML event. Every call must carry
 * {@code signature = sha1(sort(token, timestamp, nonce))}; otherwise 403 and nothing is read. A {@code SCAN} (or a
 * {@code subscribe} through a scene QR code) maps the scene to the WeChat user's openid. Off (404) unless the
 * adapter is configured.
 */
@WebServlet("/wechat/callback")
public class WeChatCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WeChatCallbackServlet.class.getName());

    @Inject
    transient WeChatSettings settings;

    @EJB
    transient WeChatLogin weChatLogin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(404);
            return;
        }
        if (!signed(request)) {
            response.sendError(403);
            return;
        }
        String echo = request.getParameter("echostr");
        if (echo == null || echo.length() > 128) {
            response.sendError(400);
            return;
        }
        text(response, echo);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(404);
            return;
        }
        if (!signed(request)) {
            response.sendError(403);
            return;
        }
        int max = settings.maxCallbackBytes();
        if (request.getContentLengthLong() > max) {
            response.sendError(413);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            response.sendError(413);
            return;
        }
        WeChatEvent event;
        try {
            event = WeChatEvent.parse(body);
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "Refused a WeChat callback: " + e.getMessage());
            response.sendError(400);
            return;
        }
        Optional<String> scene = event.sceneId();
        if (scene.isPresent()) {
            WeChatLogin.ScanOutcome outcome = weChatLogin.scanned(scene.get(), event.openid(), event.unionid());
            LOG.fine(() -> "WeChat scan: " + outcome);
        }
        text(response, "success");
    }

    private boolean signed(HttpServletRequest request) {
        return WeChatSignature.valid(settings.token(), request.getParameter("timestamp"), request.getParameter("nonce"),
                request.getParameter("signature"));
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
