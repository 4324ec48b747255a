package org.triad.bank.interfaces.oauth.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The issuer ({@code triad.bank.issuer}) and the endpoint URLs below it. */
@ApplicationScoped
public class OAuthEndpoints {

    public static final String AUTHORIZE = "/oauth2/authorize";
    public static final String TOKEN = "/oauth2/token";
    public static final String USERINFO = "/oauth2/userinfo";
    public static final String REVOKE = "/oauth2/revoke";
    public static final String INTROSPECT = "/oauth2/introspect";
    public static final String LOGOUT = "/oauth2/logout";
    public static final String JWKS = "/oauth2/jwks";
    public static final String CONSENT_PAGE = "/oauth2/consent.xhtml";
    public static final String ERROR_PAGE = "/oauth2/error.xhtml";

    @Inject
    @ConfigProperty(name = "triad.bank.issuer", defaultValue = "https://localhost:9443/bank")
    String issuer;

    public String issuer() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    public URI uri(String path) {
        return URI.create(issuer() + path);
    }
}
