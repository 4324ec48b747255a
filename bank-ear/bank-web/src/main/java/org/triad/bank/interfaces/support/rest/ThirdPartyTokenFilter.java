package org.triad.bank.interfaces.support.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.common.rest.Problem;

/**
 * Third-party access tokens (issued by the OAuth provider to apps of the open platform) reach only the resources
 * opened to apps, which check their scope themselves; every other bank API (money movements, profile, sessions,
 * back office) answers 403 to them, whatever their scopes. First-party tokens, session tokens and HTTP Basic are not
 * affected.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ThirdPartyTokenFilter implements ContainerRequestFilter {

    /** Paths below {@code /api} that approved apps may call. */
    static final Set<String> OPEN_TO_APPS = Set.of("v1/me/cards", "v1/health");

    /** The merchant payments API, below which every path is open to apps (it checks its own scope). */
    static final String PAYMENTS = "v1/payments";

    @Inject
    CallerToken caller;

    @Override
    public void filter(ContainerRequestContext context) {
        if (caller.token().isEmpty() || caller.isFirstParty()) {
            return;
        }
        String path = context.getUriInfo().getPath();
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (!OPEN_TO_APPS.contains(normalized) && !normalized.equals(PAYMENTS)
                && !normalized.startsWith(PAYMENTS + "/")) {
            context.abortWith(Response.status(403)
                    .header("WWW-Authenticate", "Bearer realm=\"" + BankAuthenticationMechanism.REALM
                            + "\", error=\"insufficient_scope\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("not-open-to-apps", "Not open to apps", 403,
                            "This API is not available to third-party apps.").toJson().toString())
                    .build());
        }
    }
}
