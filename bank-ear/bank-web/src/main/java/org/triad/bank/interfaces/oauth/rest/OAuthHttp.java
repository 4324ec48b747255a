package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;

/** Writing the endpoints' JSON answers: never cached (RFC 6749 §5.1). */
final class OAuthHttp {

    private OAuthHttp() {
    }

    /**
     * The {@code scope} of a token response: none when no scope was granted (an empty {@code "scope": ""} is not a
     * valid scope value, RFC 6749 §3.3).
     */
    static Scope scope(Set<String> scopes) {
        return scopes == null || scopes.isEmpty() ? null : new Scope(scopes.toArray(String[]::new));
    }

    static void json(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        noStore(response);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(new JSONObject(body).toJSONString());
    }

    static void apply(HTTPResponse nimbus, HttpServletResponse response) throws IOException {
        noStore(response);
        JakartaServletUtils.applyHTTPResponse(nimbus, response);
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }

    /** An RFC 6749 §5.2 error; {@code invalid_client} with Basic gets 401 and a challenge. */
    static void error(HttpServletResponse response, ErrorObject error, boolean basicChallenge) throws IOException {
        int status = error.getHTTPStatusCode() == 0 ? 400 : error.getHTTPStatusCode();
        if (basicChallenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"triad-bank\"");
        }
        json(response, status, error.toJSONObject());
    }

    /**
     * The Nimbus view of a protocol request, without the TLS client certificate: Nimbus would inspect it with
     * BouncyCastle (not in the bank), and the bank checks client certificates itself ({@code ClientCertificates}:
     * Triad chain and OCSP, which Nimbus does not do).
     */
    static com.nimbusds.oauth2.sdk.http.HTTPRequest request(jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        return com.nimbusds.oauth2.sdk.http.JakartaServletUtils.createHTTPRequest(
                new jakarta.servlet.http.HttpServletRequestWrapper(request) {
                    @Override
                    public Object getAttribute(String name) {
                        return org.triad.bank.interfaces.security.ClientCertificates.REQUEST_ATTRIBUTE.equals(name)
                                ? null : super.getAttribute(name);
                    }
                });
    }
}
