package org.triad.bank.interfaces.payments.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.common.rest.Problem;
import org.triad.common.security.VerifiedAccessToken;

/**
 * The merchant app behind a payments API request: an access token of the client credentials grant with the scope
 * {@code payments}. Without one, {@code 401}; a person's token or one without the scope, {@code 403}.
 */
@RequestScoped
public class MerchantCaller {

    @Inject
    CallerToken caller;

    /** The calling app's {@code client_id}. */
    public String clientId() {
        VerifiedAccessToken token = caller.token().orElseThrow(() -> new NotAuthorizedException(
                "Bearer realm=\"" + BankAuthenticationMechanism.REALM + "\""));
        if (!token.isClientToken() || !token.hasScope(Scopes.PAYMENTS)) {
            throw new ForbiddenException(Response.status(403)
                    .header("WWW-Authenticate", "Bearer realm=\"" + BankAuthenticationMechanism.REALM
                            + "\", error=\"insufficient_scope\", scope=\"" + Scopes.PAYMENTS + "\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("insufficient-scope", "Insufficient scope", 403, "The payments API needs an"
                            + " access token of the client credentials grant with the scope payments.")
                            .toJson().toString())
                    .build());
        }
        return token.clientId();
    }
}
