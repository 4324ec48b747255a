package org.triad.bank.application.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.triad.bank.domain.model.login.PasskeyException;

/**
 * Passkey responses that cannot even be parsed are refused before any database access, with the one answer a
 * sign-in gets for every refusal; the relying party comes from the bank's public URL unless configured.
 */
class PasskeysTest {

    private final Passkeys passkeys = new Passkeys();

    PasskeysTest() {
        passkeys.publicUrl = "https://bank.example:9443/bank";
        passkeys.configuredRpId = Optional.empty();
        passkeys.configuredOrigin = Optional.empty();
    }

    @Test
    void theRelyingPartyIsTheHostAndOriginOfThePublicUrlUnlessConfigured() {
        assertThat(passkeys.rpId()).isEqualTo("bank.example");
        assertThat(passkeys.origin()).isEqualTo("https://bank.example:9443");
        passkeys.configuredRpId = Optional.of("example");
        passkeys.configuredOrigin = Optional.of("https://www.example");
        assertThat(passkeys.rpId()).isEqualTo("example");
        assertThat(passkeys.origin()).isEqualTo("https://www.example");
    }

    @Test
    void signInOptionsCarryAFreshChallengeAndRequireUserVerification() {
        Passkeys.Ceremony one = passkeys.authenticationOptions();
        Passkeys.Ceremony two = passkeys.authenticationOptions();
        JsonObject options = Json.createReader(new StringReader(one.optionsJson())).readObject();
        assertThat(one.challenge()).hasSize(32).isNotEqualTo(two.challenge());
        assertThat(options.getString("challenge")).isEqualTo(Passkeys.b64(one.challenge()));
        assertThat(options.getString("rpId")).isEqualTo("bank.example");
        assertThat(options.getString("userVerification")).isEqualTo("required");
        assertThat(options.getJsonArray("allowCredentials")).isEmpty();
    }

    @Test
    void malformedMissingOrOversizedResponsesAreRejectedAlike() {
        byte[] challenge = passkeys.authenticationOptions().challenge();
        for (String bad : new String[] {null, "", "not json", "{}", "{\"id\": 1}", "[]",
                "x".repeat(20_000)}) {
            assertThatThrownBy(() -> passkeys.authenticate(challenge, bad)).as(String.valueOf(bad).substring(0,
                    Math.min(20, String.valueOf(bad).length())))
                    .isInstanceOf(PasskeyException.class)
                    .satisfies(e -> assertThat(((PasskeyException) e).problemType()).isEqualTo("passkey-rejected"))
                    .satisfies(e -> assertThat(((PasskeyException) e).status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> passkeys.authenticate(null, "{}")).isInstanceOf(PasskeyException.class);
    }

    @Test
    void theUserHandleIsTheCustomerIdAsEightOpaqueBytes() {
        assertThat(Passkeys.userHandle(1)).hasSize(8).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(Passkeys.userHandle(42)).isNotEqualTo(Passkeys.userHandle(43));
    }
}
