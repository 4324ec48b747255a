package org.triad.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each application answers only on its own HTTPS listener, the one that presents its own
 * certificate ({@code triad.<app>.listener-port}, by default the port of
 * {@code triad.<app>.public-url}); a request that reaches it through another
 * application's listener is answered 404, as if the application were not there.
 * <p>
 * Plain HTTP is served only for the paths in {@code triad.<app>.plain-http.paths}: the CA's root
 * certificate, CRL and OCSP, which relying parties fetch before they can speak TLS with us
 * (RFC 5280 §4.2.1.13, RFC 6960 Appendix A). Anything else over plain HTTP is redirected to HTTPS
 * (GET/HEAD) or refused (403).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ListenerPolicyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private URI publicUrl;
    private int listenerPort;
    private List<String> plainHttpPaths;

    // Read programmatically: Payara cannot inject generic types (List, Optional) into filters.
    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        String app = config.getValue("triad.app", String.class);
        publicUrl = URI.create(config.getValue("triad." + app + ".public-url", String.class));
        // Behind a load balancer the public port (443) differs from the instance's listener port.
        listenerPort = config.getOptionalValue("triad." + app + ".listener-port", Integer.class)
                .orElse(defaultPort(publicUrl));
        List<String> paths = new ArrayList<>();
        config.getOptionalValue("triad." + app + ".plain-http.paths", String.class)
                .ifPresent(p -> paths.addAll(List.of(p.split(","))));
        config.getOptionalValue("triad." + app + ".plain-http.extra-paths", String.class)
                .ifPresent(p -> paths.addAll(List.of(p.split(","))));
        plainHttpPaths = paths.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        switch (decide(request.isSecure(), request.getLocalPort(), path, request.getMethod())) {
            case PASS -> chain.doFilter(request, response);
            case NOT_HERE -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            case REFUSE -> response.sendError(HttpServletResponse.SC_FORBIDDEN, "Use HTTPS");
            case REDIRECT -> {
                String query = request.getQueryString();
                response.setHeader("Location", publicUrl + path + (query == null ? "" : "?" + query));
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            }
        }
    }

    enum Decision { PASS, NOT_HERE, REDIRECT, REFUSE }

    Decision decide(boolean secure, int localPort, String path, String method) {
        if (secure) {
            return localPort == listenerPort ? Decision.PASS : Decision.NOT_HERE;
        }
        if (matchesAny(plainHttpPaths, path)) {
            return Decision.PASS;
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Decision.REDIRECT : Decision.REFUSE;
    }

    private static int defaultPort(URI url) {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    static boolean matchesAny(List<String> patterns, String path) {
        for (String p : patterns) {
            if (p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** For tests: a filter configured without MicroProfile Config. */
    static ListenerPolicyFilter of(String publicUrl, List<String> plainHttpPaths) {
        ListenerPolicyFilter f = new ListenerPolicyFilter();
        f.publicUrl = URI.create(publicUrl);
        f.listenerPort = defaultPort(f.publicUrl);
        f.plainHttpPaths = List.copyOf(plainHttpPaths);
        return f;
    }
}
