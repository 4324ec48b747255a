package org.triad.common.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import org.triad.common.tls.TriadTls;

/**
 * Validates the platform's access tokens (RFC 9068 style JWTs issued by the bank) with Nimbus JOSE: header
 * {@code typ: at+jwt}, algorithm ES256 only (so {@code none}, HS256 and RS256 are refused), a signature by a key of
 * the issuer's JWKS (selected by {@code kid}), {@code iss} exactly the configured issuer, {@code aud} containing one
 * of the accepted audiences, {@code exp} and {@code nbf} with a small clock skew, the claims {@code sub},
 * {@code iat}, {@code jti}, {@code client_id} present — and finally the device session ({@code sid}) not on the
 * {@link RevocationList}. Thread-safe; build one per application and keep it.
 *
 * <p>Keys come either from the issuer's JWKS URL ({@link #forJwksUrl}), cached and re-fetched when a token names an
 * unknown {@code kid} (key rotation) or the cache expires, over TLS that trusts only the Triad root
 * ({@link TriadTls}), or from a local source (the bank validates its own tokens without an HTTP round trip).
 */
public final class AccessTokenValidator {

    /** The JOSE header {@code typ} of access tokens (RFC 9068). ID tokens and other JWTs are refused. */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** Tolerated clock difference between issuer and resource server. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final RevocationList revocations;

    /**
     * @param keys      the issuer's public keys
     * @param issuer    the exact {@code iss} expected, e.g. {@code https://localhost:9443/bank}
     * @param audiences accepted audiences: the token's {@code aud} must contain at least one
     * @param revocations the revocation list to consult, or {@code null} for none (benchmarks' baseline only)
     * @param clockSkew tolerated clock difference for {@code exp} and {@code nbf}
     */
    public AccessTokenValidator(JWKSource<SecurityContext> keys, String issuer, Set<String> audiences,
                                RevocationList revocations, Duration clockSkew) {
        Objects.requireNonNull(issuer, "issuer");
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted audience is required");
        }
        this.revocations = revocations;
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN_TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        // mutable sets: Nimbus asks them whether they contain null, which Set.of() answers with an exception
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(audiences),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("sub", "exp", "iat", "jti", "client_id")),
                new HashSet<>());
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * A validator over the issuer's JWKS URL (e.g. {@code https://localhost:9443/bank/oauth2/jwks}), fetched over
     * {@link TriadTls}, cached for 5 minutes and re-fetched (at most every 30 s) when a token names an unknown key.
     */
    public static AccessTokenValidator forJwksUrl(URL jwksUrl, String issuer, Set<String> audiences,
                                                  RevocationList revocations) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(5_000, 5_000, 256 * 1024, true) {
            @Override
            protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
                HttpURLConnection connection = super.openHTTPConnection(url);
                if (connection instanceof HttpsURLConnection https) {
                    // TriadTls rebuilds its context when the stores change or OCSP answers age: ask each time
                    https.setSSLSocketFactory(TriadTls.sslContext().getSocketFactory());
                }
                return connection;
            }
        };
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl, retriever)
                .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(15).toMillis())
                .rateLimited(Duration.ofSeconds(30).toMillis())
                .retrying(true)
                .build();
        return new AccessTokenValidator(keys, issuer, audiences, revocations, DEFAULT_CLOCK_SKEW);
    }

    /**
     * Validates a compact JWT.
     *
     * @return the verified token
     * @throws InvalidAccessTokenException if it is not acceptable (the message says why)
     */
    public VerifiedAccessToken validate(String token) throws InvalidAccessTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidAccessTokenException("no token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidAccessTokenException("malformed token");
        } catch (BadJOSEException e) {
            throw new InvalidAccessTokenException(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidAccessTokenException("token could not be verified", e);
        } catch (RuntimeException e) {
            // e.g. a JWKS that cannot be fetched: refuse rather than fail open
            throw new InvalidAccessTokenException("token could not be verified", e);
        }
        VerifiedAccessToken verified;
        try {
            verified = new VerifiedAccessToken(claims.getSubject(), claims.getStringClaim("sid"),
                    split(claims.getStringClaim("scope")), roles(claims), claims.getStringClaim("client_id"),
                    List.copyOf(claims.getAudience()), claims.getJWTID(), claims.getIssueTime().toInstant(),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new InvalidAccessTokenException("malformed claims");
        }
        if (revocations != null && verified.sessionHandle() != null) {
            boolean revoked;
            try {
                revoked = revocations.isRevoked(verified.sessionHandle());
            } catch (RuntimeException e) {
                throw new InvalidAccessTokenException("the revocation list is unavailable", e);
            }
            if (revoked) {
                throw new InvalidAccessTokenException("the device session was signed out");
            }
        }
        return verified;
    }

    private static Set<String> split(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
    }

    private static Set<String> roles(JWTClaimsSet claims) throws ParseException {
        List<String> roles = claims.getStringListClaim("roles");
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
