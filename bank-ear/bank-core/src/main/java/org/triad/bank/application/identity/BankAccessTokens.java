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

    /** RFC 7800 confirmation claim. */
    public static final String CONFIRMATION = "cnf";

    /** RFC 8705 §3.1 confirmation method: base64url SHA-256 thumbprint of the DER client certificate. */
    public static final String X5T_S256 = "x5t#S256";

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

    /**
     * The certificate thumbprint a token is bound to ({@code cnf.x5t#S256}, RFC 8705 §3), or empty for a token
     * without {@code cnf}. Reads a token that {@link #validate(String)} accepted.
     *
     * @throws InvalidAccessTokenException if {@code cnf} is there but names no certificate thumbprint: a token
     *                                     bound by a method the bank does not know is refused, never used unbound
     */
    public static java.util.Optional<String> certificateBinding(String token) throws InvalidAccessTokenException {
        java.util.Map<String, Object> cnf;
        try {
            cnf = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getJSONObjectClaim(CONFIRMATION);
        } catch (java.text.ParseException e) {
            throw new InvalidAccessTokenException("malformed confirmation claim");
        }
        if (cnf == null) {
            return java.util.Optional.empty();
        }
        if (!(cnf.get(X5T_S256) instanceof String thumbprint) || thumbprint.isBlank()) {
            throw new InvalidAccessTokenException("unsupported confirmation method");
        }
        return java.util.Optional.of(thumbprint);
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
