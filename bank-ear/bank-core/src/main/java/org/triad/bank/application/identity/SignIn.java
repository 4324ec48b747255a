package org.triad.bank.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.login.EmailCodeLogin;
import org.triad.bank.application.login.TotpService;
import org.triad.bank.domain.model.identity.DeviceKind;

/**
 * First-party sign-in ({@code POST /api/v1/auth/login}): checks the credentials of a {@link Request}, then opens an
 * API device session and issues its tokens for the first-party client. Failed checks are outcomes, not exceptions,
 * so that failure counts (lockout) commit.
 *
 * <p>Extension point for further methods (email code, TOTP, ...): add a {@code method} value and a branch in
 * {@link #check(Request)}; a second factor can refuse with {@link Outcome#SECOND_FACTOR_REQUIRED}.
 */
@Stateless
public class SignIn {

    /** Password sign-in, the default {@code method}. */
    public static final String PASSWORD = "password";

    /** Sign-in with a code mailed by {@code POST /api/v1/auth/login-codes} (part D, login methods). */
    public static final String EMAIL_CODE = "email-code";

    /**
     * One sign-in attempt.
     *
     * @param method    {@value #PASSWORD} (default when null)
     * @param login     email (customers) or staff name
     * @param password  for {@value #PASSWORD}
     * @param code      a one-time code (other methods)
     * @param totp      a TOTP code when the account has a second factor
     * @param userAgent the client's user agent
     * @param ipAddress the client's address
     */
    public record Request(String method, String login, String password, String code, String totp, String userAgent,
                          String ipAddress) {

        @Override
        public String toString() {
            return "SignIn.Request[method=" + method + ", login=" + login + "]";
        }
    }

    public enum Outcome { OK, INVALID, LOCKED, NOT_ACTIVATED, UNSUPPORTED_METHOD, SECOND_FACTOR_REQUIRED, CODES_LOCKED }

    /**
     * @param customerId  set when the credentials were right (also for {@code SECOND_FACTOR_REQUIRED})
     * @param lockedUntil set for {@code LOCKED}
     * @param session     the new device session ({@code OK} only)
     * @param tokens      its tokens ({@code OK} only)
     */
    public record Result(Outcome outcome, long customerId, Instant lockedUntil, DeviceSession session,
                         TokenPair tokens) {

        static Result of(Outcome outcome) {
            return new Result(outcome, 0, null, null, null);
        }
    }

    /** What a credential check found: who, or why not. */
    public record Check(Outcome outcome, long customerId, Instant lockedUntil) {
    }

    @EJB
    Authentication authentication;

    @EJB
    EmailCodeLogin emailCodes;

    @EJB
    TotpService totp;

    @EJB
    DeviceSessions devices;

    @EJB
    TokenService tokens;

    @Inject
    IdentitySettings settings;

    /** Checks the credentials and, if they are right, opens an API device session with first-party tokens. */
    public Result signIn(Request request) {
        Check check = check(request);
        if (check.outcome() != Outcome.OK) {
            return new Result(check.outcome(), check.customerId(), check.lockedUntil(), null, null);
        }
        DeviceSession session = devices.open(check.customerId(), DeviceKind.API, null, request.userAgent(),
                request.ipAddress());
        TokenPair pair = tokens.issue(session, settings.firstPartyClientId(), IdentitySettings.FIRST_PARTY_SCOPES,
                settings.firstPartyAudiences());
        return new Result(Outcome.OK, check.customerId(), null, session, pair);
    }

    /**
     * The credential check alone, by method; then, for a customer with an authenticator, the second factor
     * ({@code totp}: a TOTP code or a recovery code). Missing → {@code SECOND_FACTOR_REQUIRED}; wrong → {@code INVALID}
     * and counted toward the lockout.
     */
    public Check check(Request request) {
        String method = request.method() == null || request.method().isBlank() ? PASSWORD : request.method();
        Authentication.Result r;
        if (PASSWORD.equals(method)) {
            if (request.login() == null || request.password() == null) {
                return new Check(Outcome.INVALID, 0, null);
            }
            r = authentication.verifyPassword(request.login().trim(), request.password());
        } else if (EMAIL_CODE.equals(method)) {
            if (request.login() == null || request.code() == null) {
                return new Check(Outcome.INVALID, 0, null);
            }
            r = emailCodes.verify(request.login().trim(), request.code());
        } else {
            return new Check(Outcome.UNSUPPORTED_METHOD, 0, null);
        }
        Check first = switch (r.outcome()) {
            case OK -> new Check(Outcome.OK, r.customerId(), null);
            case LOCKED -> new Check(Outcome.LOCKED, 0, r.lockedUntil());
            case NOT_ACTIVATED -> new Check(Outcome.NOT_ACTIVATED, 0, null);
            case INVALID -> new Check(Outcome.INVALID, 0, null);
            case CODES_LOCKED -> new Check(Outcome.CODES_LOCKED, 0, r.lockedUntil());
        };
        if (first.outcome() != Outcome.OK || !totp.required(first.customerId())) {
            return first;
        }
        if (request.totp() == null || request.totp().isBlank()) {
            return new Check(Outcome.SECOND_FACTOR_REQUIRED, first.customerId(), null);
        }
        return switch (totp.verify(first.customerId(), request.totp())) {
            case OK, NOT_ENROLLED -> first;
            case LOCKED -> new Check(Outcome.LOCKED, 0, null);
            case WRONG -> new Check(Outcome.INVALID, 0, null);
        };
    }
}
