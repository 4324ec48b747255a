package org.triad.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource-server validator with a local key set: what it accepts, and everything it must refuse. */
class AccessTokenValidatorTest {

    private static final String ISSUER = "https://localhost:9443/bank";
    private static final String AUDIENCE = "https://localhost:10443/shop";

    private ECKey key;
    private RevocationList revocations;
    private AccessTokenValidator validator;
    private Instant now;

    @BeforeEach
    void setUp() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        revocations = RevocationList.inMemory();
        validator = new AccessTokenValidator(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER,
                Set.of(AUDIENCE), revocations, Duration.ofSeconds(30));
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("42").audience(List.of(ISSUER, AUDIENCE))
                .expirationTime(Date.from(now.plusSeconds(900))).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).jwtID("jti-1").claim("sid", "device-1")
                .claim("scope", "profile cards:read").claim("roles", List.of("customer"))
                .claim("client_id", "triad-bank");
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, new JOSEObjectType("at+jwt"));
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type)
                .build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private void assertRefused(String token, String why) {
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining(why);
    }

    @Test
    void aGoodTokenIsAcceptedWithItsClaims() throws Exception {
        VerifiedAccessToken t = validator.validate(sign(claims().build()));

        assertThat(t.subject()).isEqualTo("42");
        assertThat(t.sessionHandle()).isEqualTo("device-1");
        assertThat(t.scopes()).containsExactlyInAnyOrder("profile", "cards:read");
        assertThat(t.roles()).containsExactly("customer");
        assertThat(t.clientId()).isEqualTo("triad-bank");
        assertThat(t.expiresAt()).isEqualTo(now.plusSeconds(900));
        assertThat(t.isClientToken()).isFalse();
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheClockSkew() throws Exception {
        Instant past = now.minusSeconds(3600);
        assertRefused(sign(claims().issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(now.minusSeconds(31))).build()), "xpired");
        assertRefused(sign(claims().notBeforeTime(Date.from(now.plusSeconds(120))).build()), "before");
        // within the skew: still fine
        validator.validate(sign(claims().expirationTime(Date.from(now.minusSeconds(5))).build()));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() throws Exception {
        assertRefused(sign(claims().issuer("https://evil.example").build()), "iss");
        assertRefused(sign(claims().audience("https://evil.example/api").build()), "aud");
        assertRefused(sign(claims().audience(List.of()).build()), "aud");
    }

    @Test
    void requiredClaimsMustBePresent() throws Exception {
        assertRefused(sign(new JWTClaimsSet.Builder(claims().build()).subject(null).build()), "sub");
        assertRefused(sign(new JWTClaimsSet.Builder(claims().build()).claim("client_id", null).build()), "client_id");
    }

    @Test
    void onlyEs256AccessTokensSignedByAPublishedKeyPass() throws Exception {
        String good = sign(claims().build());
        String[] parts = good.split("\\.");

        // alg none
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertRefused(none, "");

        // HS256 keyed with the public key (key confusion)
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims().build());
        hmac.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(hmac.serialize(), "");

        // RS256 by some RSA key
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims().build());
        rs.sign(new RSASSASigner(rsa));
        assertRefused(rs.serialize(), "");

        // ES256 by another key with our kid
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims().build());
        forged.sign(new ECDSASigner(other));
        assertRefused(forged.serialize(), "");

        // our signature over other claims
        String otherClaims = Base64URL.encode(claims().subject("1").build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertRefused(parts[0] + "." + otherClaims + "." + parts[2], "");

        // a JWT of ours that is no access token (e.g. an ID token)
        assertRefused(sign(claims().build(), JOSEObjectType.JWT), "");

        assertRefused("not a token", "malformed");
        assertRefused("", "no token");
    }

    @Test
    void aRevokedSessionsTokensAreRefusedAndOthersNot() throws Exception {
        String token = sign(claims().build());
        String other = sign(claims().claim("sid", "device-2").build());

        revocations.revoke("device-1", now.plusSeconds(960));

        assertRefused(token, "signed out");
        assertThat(validator.validate(other).sessionHandle()).isEqualTo("device-2");
    }

    @Test
    void anUnreachableRevocationListFailsClosed() throws Exception {
        AccessTokenValidator broken = new AccessTokenValidator(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
                ISSUER, Set.of(AUDIENCE), new RevocationList(() -> {
                    throw new IllegalStateException("grid down");
                }), Duration.ofSeconds(30));

        assertThatThrownBy(() -> broken.validate(sign(claims().build())))
                .isInstanceOf(InvalidAccessTokenException.class).hasMessageContaining("revocation list");
    }
}
