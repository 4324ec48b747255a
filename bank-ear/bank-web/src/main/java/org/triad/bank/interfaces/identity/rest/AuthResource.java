package org.triad.bank.interfaces.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.IdentitySettings;
import org.triad.bank.application.identity.SignIn;
import org.triad.bank.application.identity.TokenPair;
import org.triad.bank.application.identity.TokenService;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.support.LockConflicts;
import org.triad.bank.domain.model.identity.InvalidGrantException;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.ratelimit.RateLimiter;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.common.rest.Problem;
import org.triad.common.rest.StrictJson;
import org.triad.common.security.VerifiedAccessToken;

/**
 * First-party sign-in with tokens. {@code login} answers an access token (ES256 JWT, 15 minutes) and a refresh token
 * (opaque, 7 days). Browsers get the refresh token only as the cookie {@value #COOKIE} ({@code HttpOnly; Secure;
 * SameSite=Strict; Path=<context>/api/v1/auth}); API clients that send {@code "refresh_token_in_body": true} get it in
 * the body (and no cookie). {@code refresh} takes it from the body ({@code refresh_token}) or the cookie and answers
 * the same way it came. {@code logout} ends the device session and clears the cookie.
 */
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "First-party sign-in with access and refresh tokens")
public class AuthResource {

    /** The refresh token cookie. */
    public static final String COOKIE = "triad_refresh";

    @EJB
    SignIn signIn;

    @EJB
    TokenService tokens;

    @EJB
    DeviceSessions devices;

    @EJB
    Authentication authentication;

    @Inject
    IdentitySettings settings;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    CallerToken caller;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @RateLimited(BankAuthenticationMechanism.SIGN_IN_RULE)
    @Operation(summary = "Sign in and get tokens",
            description = "JSON {email, password} (method \"password\", the default) or {\"method\": \"email-code\", email, "
                    + "code} (code from POST /api/v1/auth/login-codes), plus \"totp\" (authenticator or recovery code) "
                    + "when the account has an authenticator (missing: 401 mfa-required). Opens an API device session. "
                    + "Answers {access_token, token_type: Bearer, expires_in, device: {handle, kind}} and the refresh "
                    + "token as HttpOnly cookie triad_refresh, or in the body (refresh_token, refresh_expires_in) "
                    + "when the request has \"refresh_token_in_body\": true.")
    @RequestBody(description = "{\"email\": \"...\", \"password\": \"...\", \"refresh_token_in_body\": false}")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "400", description = "Malformed request or unsupported method (invalid-input)")
    @APIResponse(responseCode = "401", description = "Wrong credentials (invalid-credentials), account locked "
            + "(account-locked) or not activated (account-not-activated)")
    @APIResponse(responseCode = "429", description = "Too many sign-in attempts from this address (too-many-requests), "
            + "or too many wrong e-mail codes for this account (sign-in-codes-locked, Retry-After)")
    public Response login(String body) {
        JsonObject json = parse(body);
        // every field is checked before anything happens: bad input changes nothing
        boolean refreshInBody = flag(json, "refresh_token_in_body");
        String login = string(json, "email");
        if (login == null) {
            login = string(json, "login");
        }
        SignIn.Result result = signIn.signIn(new SignIn.Request(string(json, "method"), login,
                string(json, "password"), string(json, "code"), string(json, "totp"), userAgent(),
                rateLimiter.clientAddress(request)));
        return switch (result.outcome()) {
            case OK -> tokenResponse(result.tokens(), refreshInBody);
            case LOCKED -> problem(401, "account-locked", "Account locked",
                    "Too many wrong passwords; the account is locked until " + result.lockedUntil() + ".");
            case NOT_ACTIVATED -> problem(401, "account-not-activated", "Account not activated",
                    "Activate the account with the code from the registration mail first.");
            case SECOND_FACTOR_REQUIRED -> problem(401, "mfa-required", "Second factor required",
                    "This account has an authenticator: send its current code (or a recovery code) as \"totp\".");
            case UNSUPPORTED_METHOD -> problem(400, "invalid-input", "Invalid input", "Unknown sign-in method.");
            case INVALID -> problem(401, "invalid-credentials", "Invalid credentials",
                    "The sign-in name or password is wrong.");
            case CODES_LOCKED -> Response.fromResponse(problem(429, "sign-in-codes-locked", "Sign-in codes locked",
                    "Too many wrong sign-in codes for this account: sign-in by e-mail code is refused until "
                            + result.lockedUntil() + ". Sign in with the password meanwhile."))
                    .header("Retry-After", retryAfter(result.lockedUntil())).build();
        };
    }

    @POST
    @Path("refresh")
    @RateLimited("token-refresh")
    @Operation(summary = "Rotate the refresh token",
            description = "The refresh token from the body (refresh_token) or the triad_refresh cookie. Answers a "
                    + "new pair like login, in the way the token came (body or cookie). Concurrent refreshes with the "
                    + "same token within the grace window get the same new pair; a used token presented after it "
                    + "signs the device out.")
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token (invalid-grant)")
    public Response refresh(String body) {
        JsonObject json = parse(body);
        String fromBody = string(json, "refresh_token");
        boolean inBody = flag(json, "refresh_token_in_body") || fromBody != null;
        String fromCookie = cookie();
        String token = fromBody != null ? fromBody : fromCookie;
        if (token == null) {
            return problem(401, "invalid-grant", "Invalid grant", "No refresh token.");
        }
        try {
            String clientId = settings.firstPartyClientId();
            return tokenResponse(LockConflicts.retry(() -> tokens.refresh(token, clientId)), inBody);
        } catch (InvalidGrantException e) {
            Response.ResponseBuilder r = Response.status(401).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                    .entity(Problem.of("invalid-grant", "Invalid grant", 401, e.getMessage())
                            .withInstance(request.getRequestURI()).toJson().toString());
            if (fromBody == null) {
                r.header("Set-Cookie", cookieHeader("", Duration.ZERO));
            }
            return r.build();
        }
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out this device",
            description = "Ends the device session of the Bearer access token, or of the refresh token (body "
                    + "refresh_token or cookie); its tokens are refused from now on. Clears the cookie.")
    @APIResponse(responseCode = "204", description = "Signed out (also when there was nothing to sign out)")
    public Response logout(String body) {
        JsonObject json = parse(body);
        VerifiedAccessToken token = caller.token().orElse(null);
        if (token != null && token.sessionHandle() != null && caller.isFirstParty()) {
            devices.revoke(Long.parseLong(token.subject()), token.sessionHandle());
        } else {
            String refresh = string(json, "refresh_token");
            if (refresh == null) {
                refresh = cookie();
            }
            if (refresh != null) {
                try {
                    tokens.revokeRefreshToken(refresh, settings.firstPartyClientId());
                } catch (InvalidGrantException e) {
                    // another client's token: not ours to end
                }
            }
        }
        return Response.noContent().header("Cache-Control", "no-store")
                .header("Set-Cookie", cookieHeader("", Duration.ZERO)).build();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Response tokenResponse(TokenPair pair, boolean refreshInBody) {
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("access_token", pair.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", Math.max(0, pair.accessExpiresAt().getEpochSecond() - now));
        long refreshSeconds = Math.max(0, pair.refreshExpiresAt().getEpochSecond() - now);
        if (refreshInBody) {
            b.add("refresh_token", pair.refreshToken()).add("refresh_expires_in", refreshSeconds);
        }
        b.add("device", Json.createObjectBuilder().add("handle", pair.sessionHandle()));
        Response.ResponseBuilder r = Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (!refreshInBody) {
            r.header("Set-Cookie", cookieHeader(pair.refreshToken(), Duration.ofSeconds(refreshSeconds)));
        }
        return r.build();
    }

    /** The refresh cookie, exactly: only to this API's auth path, never to scripts, never cross-site. */
    private String cookieHeader(String value, Duration maxAge) {
        return COOKIE + "=" + value + "; Max-Age=" + maxAge.toSeconds() + "; Path=" + request.getContextPath()
                + "/api/v1/auth; Secure; HttpOnly; SameSite=Strict";
    }

    private String cookie() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private String userAgent() {
        String ua = request.getHeader("User-Agent");
        return ua == null ? null : ua.substring(0, Math.min(ua.length(), 500));
    }

    private static long retryAfter(java.time.Instant until) {
        return until == null ? 1 : Math.max(1, java.time.Duration.between(java.time.Instant.now(), until).toSeconds() + 1);
    }

    private Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                .entity(Problem.of(type, title, status, detail).withInstance(request.getRequestURI()).toJson()
                        .toString())
                .build();
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return StrictJson.parse(body).asJsonObject();
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new BadRequestException("The body must be a JSON object.");
        }
    }

    private static boolean flag(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL || v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        throw new BadRequestException(key + " must be true or false.");
    }

    private static String string(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadRequestException(key + " must be a string.");
        }
        return json.getString(key);
    }
}
