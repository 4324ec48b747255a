package org.triad.ca.interfaces.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.triad.ca.application.OcspResponder;

/**
 * RFC 6960 OCSP over HTTP (appendix A): {@code POST /ocsp} with an {@code application/ocsp-request}
 * body, or {@code GET /ocsp/<url-encoded base64 request>}. Bodies over 8 KiB are refused.
 */
@WebServlet(urlPatterns = {"/ocsp", "/ocsp/*"})
public class OcspServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    @Inject
    transient OcspResponder responder;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            response.sendError(413);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (body.length > MAX_REQUEST_BYTES) {
            response.sendError(413);
            return;
        }
        write(response, responder.respond(body), false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/ocsp/";
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            response.sendError(400);
            return;
        }
        byte[] der;
        try {
            String encoded = URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.US_ASCII);
            der = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        write(response, responder.respond(der), true);
    }

    private static void write(HttpServletResponse response, byte[] body, boolean cacheable) throws IOException {
        response.setContentType("application/ocsp-response");
        // a GET response may be cached briefly by proxies (RFC 5019); a POST one is never cached
        response.setHeader("Cache-Control", cacheable ? "public, max-age=60" : "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
