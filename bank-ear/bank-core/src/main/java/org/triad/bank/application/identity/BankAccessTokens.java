package org.triad.bank.application.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.triad.common.security.AccessTokenValidator;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.RevocationList;
import org.triad.common.security.VerifiedAccessToken;

/**
 * Validates access tokens for the bank's own resources (API, OAuth userinfo, ...): the common
 * {@link AccessTokenValidator} over the bank's signing keys directly (no HTTP round trip to its own JWKS),
 * accepting the audience {@code triad.bank.issuer}, with the shared revocation list.
 */
@ApplicationScoped
public class BankAccessTokens {

    @EJB
    SigningKeys signingKeys;

    @Inject
    IdentitySettings settings;

    private AccessTokenValidator validator;

    @PostConstruct
    void init() {
        JWKSource<SecurityContext> keys = (selector, context) -> selector.select(signingKeys.publicKeys());
        validator = new AccessTokenValidator(keys, settings.issuer(), Set.of(settings.issuer()),
                RevocationList.shared(), AccessTokenValidator.DEFAULT_CLOCK_SKEW);
    }

    /**
     * @throws InvalidAccessTokenException if the token is not acceptable (answer 401 {@code invalid_token})
     */
    public VerifiedAccessToken validate(String token) throws InvalidAccessTokenException {
        return validator.validate(token);
    }

    /** Whether the token was issued to the bank's own first-party client. */
    public boolean isFirstParty(VerifiedAccessToken token) {
        return settings.firstPartyClientId().equals(token.clientId());
    }

    /**
     * Whether a bearer credential has the shape of a JWT (three dot-separated parts, a JSON header) rather than an
     * opaque session token (base64url, no dots).
     */
    public static boolean looksLikeJwt(String credential) {
        return credential != null && credential.startsWith("eyJ") && credential.chars().filter(c -> c == '.').count() == 2;
    }
}
