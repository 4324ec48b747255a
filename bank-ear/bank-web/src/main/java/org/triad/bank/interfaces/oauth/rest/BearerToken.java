package org.triad.bank.interfaces.oauth.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** RFC 6750: the access token of a resource request, and the refusals of a protected resource. */
final class BearerToken {

    private BearerToken() {
    }

    /**
     * The token from {@code Authorization: Bearer} or, for legacy clients such as Odoo's {@code auth_oauth}, the
     * {@code access_token} parameter (RFC 6750 §2.3); null if absent, "" if malformed or sent twice.
     */
    static String from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String[] param = request.getParameterValues("access_token");
        if (header != null && param != null || param != null && param.length > 1) {
            return "";
        }
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        }
        return param == null ? null : param[0];
    }

    static void missing(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"triad-bank\"");
        OAuthHttp.json(response, 401, Map.of("error", "invalid_request", "error_description", "An access token is required."));
    }

    static void invalid(HttpServletResponse response) throws IOException {
        invalid(response, "The access token is invalid, expired or revoked.");
    }

    /** A valid token of an app itself (client credentials): it has no user whose claims could be given. */
    static void withoutUser(HttpServletResponse response) throws IOException {
        invalid(response, "The access token was issued to an app (client credentials) and has no user; this endpoint "
                + "needs a token that a user granted.");
    }

    private static void invalid(HttpServletResponse response, String description) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"triad-bank\", error=\"invalid_token\"");
        OAuthHttp.json(response, 401, Map.of("error", "invalid_token", "error_description", description));
    }

    static void insufficientScope(HttpServletResponse response, String scope) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"triad-bank\", error=\"insufficient_scope\", scope=\""
                + scope + "\"");
        OAuthHttp.json(response, 403, Map.of("error", "insufficient_scope",
                "error_description", "The access token does not grant the scope " + scope + ".", "scope", scope));
    }
}
