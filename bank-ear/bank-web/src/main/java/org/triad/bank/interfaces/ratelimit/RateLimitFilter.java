package org.triad.bank.interfaces.ratelimit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import org.triad.common.rest.Problem;

/**
 * Applies the {@link RateLimited} rule of the called resource method before it runs (after authentication, so the
 * account is known). Over the limit: {@code 429 too-many-requests} as {@code application/problem+json} with
 * {@code Retry-After} in seconds; the resource is not called, so nothing changes.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    private volatile RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext context) {
        RateLimited rule = ruleOf(resource.getResourceMethod());
        if (rule == null) {
            rule = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (rule == null || rule.value().isEmpty()) {
            return;
        }
        RateLimiter limiter = limiter();
        Principal caller = context.getSecurityContext().getUserPrincipal();
        RateLimiter.Verdict verdict = limiter.hit(rule.value(), limiter.clientAddress(request),
                caller == null ? null : caller.getName());
        if (!verdict.allowed()) {
            context.abortWith(tooManyRequests(verdict, request.getRequestURI()));
        }
    }

    private static RateLimited ruleOf(Method method) {
        return method == null ? null : method.getAnnotation(RateLimited.class);
    }

    // looked up, not injected: JAX-RS creates this provider, and CDI injection into scanned providers is
    // not portable
    private RateLimiter limiter() {
        RateLimiter l = limiter;
        if (l == null) {
            l = CDI.current().select(RateLimiter.class).get();
            limiter = l;
        }
        return l;
    }

    /** The 429 problem of a refused request. */
    public static Response tooManyRequests(RateLimiter.Verdict verdict, String instance) {
        return Response.status(429)
                .header("Retry-After", String.valueOf(verdict.retryAfterSeconds()))
                .header("Cache-Control", "no-store")
                .type(Problem.MEDIA_TYPE)
                .entity(problem(verdict, instance).toJson().toString())
                .build();
    }

    public static Problem problem(RateLimiter.Verdict verdict, String instance) {
        String per = "account".equals(verdict.scope()) ? "this account" : "this address";
        return Problem.of("too-many-requests", "Too many requests", 429,
                        "Too many " + verdict.rule() + " requests from " + per + "; retry in "
                                + verdict.retryAfterSeconds() + " s. Nothing was changed.")
                .withInstance(instance);
    }
}
