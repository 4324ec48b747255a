package org.triad.bank.interfaces.oauth.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.triad.bank.application.oauth.OpenPlatform;

/** An app's icon (checked PNG/JPEG/GIF), for the consent page and the consoles: {@code /oauth2/icon?client_id=}. */
@WebServlet(urlPatterns = "/oauth2/icon")
public class AppIconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OpenPlatform platform;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OpenPlatform.Icon> icon = platform.icon(request.getParameter("client_id"));
        if (icon.isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setContentType(icon.get().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setContentLength(icon.get().bytes().length);
        response.getOutputStream().write(icon.get().bytes());
    }
}
