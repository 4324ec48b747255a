package org.triad.shop.interfaces.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.common.security.AccessTokenValidator;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.RevocationList;
import org.triad.common.security.VerifiedAccessToken;

/**
 * The shop as a resource server: access tokens of the bank (the platform's identity provider), validated by the
 * common library against the bank's JWKS ({@code <triad.shop.bank-url>/oauth2/jwks}, over Triad TLS), issuer
 * {@code triad.shop.bank-issuer} (default the bank URL), audience {@code triad.shop.token-audiences} (default the
 * shop's URL), and the platform's revocation list.
 */
@ApplicationScoped
public class BankAccessTokens {

    @Inject
    @ConfigProperty(name = "triad.shop.bank-url")
    String bankUrl;

    @Inject
    @ConfigProperty(name = "triad.shop.bank-issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "triad.shop.token-audiences", defaultValue = "https://localhost:10443/shop")
    String audiences;

    private AccessTokenValidator validator;

    @PostConstruct
    void init() {
        String iss = issuer.filter(s -> !s.isBlank()).map(String::trim).orElse(bankUrl);
        Set<String> accepted = Arrays.stream(audiences.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        try {
            validator = AccessTokenValidator.forJwksUrl(URI.create(bankUrl + "/oauth2/jwks").toURL(), iss, accepted,
                    RevocationList.shared());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("triad.shop.bank-url is not a URL: " + bankUrl, e);
        }
    }

    /**
     * The request's bearer access token, validated.
     *
     * @throws InvalidAccessTokenException if there is none or it is not acceptable
     */
    public VerifiedAccessToken require(HttpServletRequest request) throws InvalidAccessTokenException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidAccessTokenException("no bearer token");
        }
        return validator.validate(header.substring(7).trim());
    }
}
