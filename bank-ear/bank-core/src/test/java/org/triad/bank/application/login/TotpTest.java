package org.triad.bank.application.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TOTP parameters against the RFC 6238 appendix B test vectors (SHA-1 seed, last 6 of the 8 digits). */
class TotpTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238VectorsMatchWithinOneStepAndNotBeyond() {
        Instant t = Instant.ofEpochSecond(1111111109L);
        long step = Totp.stepAt(t);
        assertThat(Totp.matchingStep(SEED, "081804", t, null)).isEqualTo(step);
        assertThat(Totp.matchingStep(SEED, "287082", Instant.ofEpochSecond(59), null)).isEqualTo(1);
        // ±1 step of clock drift
        assertThat(Totp.matchingStep(SEED, "081804", t.plusSeconds(30), null)).isEqualTo(step);
        assertThat(Totp.matchingStep(SEED, "081804", t.plusSeconds(90), null)).isEqualTo(-1);
        // a step already used is a replay
        assertThat(Totp.matchingStep(SEED, "081804", t, step)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SEED, "12345", t, null)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SEED, null, t, null)).isEqualTo(-1);
    }

    @Test
    void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
        assertThat(Base32.encode(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SEED);
        assertThat(Totp.uri("a@example.com", SEED)).isEqualTo("otpauth://totp/Triad%20Bank:a%40example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Triad%20Bank&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void recoveryCodesAreNormalisedAndMalformedOnesRefused() {
        assertThat(TotpService.normalizeRecoveryCode(" ABCD-efgh-jkmn-pqrs ")).isEqualTo("abcdefghjkmnpqrs");
        assertThat(TotpService.normalizeRecoveryCode("abcd-efgh-jkmn-pqr")).isNull();
        assertThat(TotpService.normalizeRecoveryCode("abcd-efgh-jkmn-pqr1")).isNull();
        assertThat(TotpService.normalizeRecoveryCode(null)).isNull();
    }
}
