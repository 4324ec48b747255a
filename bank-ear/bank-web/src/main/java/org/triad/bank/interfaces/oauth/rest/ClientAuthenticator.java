package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.interfaces.security.ClientCertificates;

/**
 * Client authentication of the token, revocation and introspection endpoints: {@code client_secret_basic} or
 * {@code client_secret_post} for confidential apps, {@code tls_client_auth} (RFC 8705 §2.1.2: {@code client_id} and
 * a Triad client certificate of the subject the app registered) for apps with mutual TLS, {@code client_id} alone
 * for public apps where allowed.
 */
@ApplicationScoped
public class ClientAuthenticator {

    @EJB
    OAuthProvider provider;

    @Inject
    ClientCertificates certificates;

    @Inject
    HttpServletRequest servletRequest;

    /** The authenticated (or identified public) client, or the error to answer. */
    public record Result(ClientView client, ErrorObject error, boolean basic, boolean byCertificate) {

        Result(ClientView client, ErrorObject error, boolean basic) {
            this(client, error, basic, false);
        }

        boolean ok() {
            return error == null;
        }
    }

    static java.util.Map<String, List<String>> form(HTTPRequest request) {
        try {
            return request.getBodyAsFormParameters();
        } catch (ParseException e) {
            return java.util.Map.of();
        }
    }

    public Result authenticate(HTTPRequest request, boolean publicAllowed) {
        ClientAuthentication auth;
        try {
            auth = ClientAuthentication.parse(request);
        } catch (ParseException e) {
            return new Result(null, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()), false);
        }
        boolean basic = auth instanceof ClientSecretBasic;
        if (basic && form(request).containsKey("client_secret")) {
            return new Result(null, OAuth2Error.INVALID_REQUEST
                    .setDescription("Use one client authentication method."), false);
        }
        if (auth instanceof ClientSecretBasic || auth instanceof ClientSecretPost) {
            String secret = auth instanceof ClientSecretBasic b ? b.getClientSecret().getValue()
                    : ((ClientSecretPost) auth).getClientSecret().getValue();
            Optional<ClientView> client = provider.authenticate(auth.getClientID().getValue(), secret);
            if (client.isEmpty()) {
                return new Result(null, OAuth2Error.INVALID_CLIENT.setDescription("Client authentication failed."),
                        basic);
            }
            return new Result(client.get(), null, basic);
        }
        if (auth != null) {
            return new Result(null, OAuth2Error.INVALID_CLIENT
                    .setDescription("Unsupported client authentication method."), false);
        }
        List<String> ids = form(request).get("client_id");
        if (ids == null || ids.size() != 1) {
            return new Result(null, OAuth2Error.INVALID_CLIENT.setDescription("Client authentication is required."),
                    false);
        }
        Optional<ClientView> client = provider.client(ids.get(0));
        if (client.isPresent() && client.get().mutualTls()) {
            // tls_client_auth (RFC 8705 §2.1.2): the TLS client certificate of the registered subject authenticates
            // the app; the request does not reach Nimbus with the certificate (OAuthHttp.request), so this is the
            // client_id-only shape
            String refusal = certificates.refusalFor(servletRequest, client.get());
            if (refusal != null) {
                return new Result(null, OAuth2Error.INVALID_CLIENT.setDescription("Client authentication failed: "
                        + refusal + "."), false);
            }
            return new Result(client.get(), null, false, true);
        }
        if (client.isEmpty() || client.get().confidential() || !publicAllowed) {
            return new Result(null, OAuth2Error.INVALID_CLIENT.setDescription("Client authentication failed."), false);
        }
        return new Result(client.get(), null, false);
    }
}
