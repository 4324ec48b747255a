package org.triad.ca.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CA listens on plain HTTP only because relying parties fetch the root certificate, the CRL
 * and OCSP answers before they can speak TLS with us (RFC 5280 §4.2.1.13, RFC 6960 Appendix A).
 * Every other request over plain HTTP is redirected to the HTTPS listener (GET/HEAD) or refused.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PlainHttpFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String DEFAULT_PATHS = "/ca.pem,/chain.pem,/crl,/crl.pem,/ocsp,/ocsp/*,/api/v1/health";

    private List<String> publicPaths;
    private String httpsUrl;

    // Read programmatically: Payara cannot inject generic types (List, Optional) into filters.
    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        List<String> paths = new ArrayList<>(List.of(config.getOptionalValue("triad.ca.plain-http.paths", String.class)
                .orElse(DEFAULT_PATHS).split(",")));
        config.getOptionalValue("triad.ca.plain-http.extra-paths", String.class)
                .ifPresent(extra -> paths.addAll(List.of(extra.split(","))));
        publicPaths = List.copyOf(paths);
        httpsUrl = config.getOptionalValue("triad.ca.https-url", String.class).orElse("https://localhost:8443/ca");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure() || allowedOverPlainHttp(pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            String query = request.getQueryString();
            response.setHeader("Location", httpsUrl + pathOf(request) + (query == null ? "" : "?" + query));
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Use HTTPS");
        }
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    boolean allowedOverPlainHttp(String path) {
        return matchesAny(publicPaths, path);
    }

    static boolean matchesAny(List<String> patterns, String path) {
        for (String pattern : patterns) {
            String p = pattern.trim();
            if (p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
