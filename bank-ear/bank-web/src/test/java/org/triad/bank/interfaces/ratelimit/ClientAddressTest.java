package org.triad.bank.interfaces.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("203.0.113.9", "198.51.100.1", Set.of())).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxysForwardedClientIsUsed() {
        Set<String> lb = Set.of("10.0.0.2");
        assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.1", lb)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.resolve("10.0.0.2", null, lb)).isEqualTo("10.0.0.2");
        // an untrusted peer cannot choose its address
        assertThat(ClientAddress.resolve("203.0.113.9", "198.51.100.1", lb)).isEqualTo("203.0.113.9");
    }

    @Test
    void whatTheClientWroteLeftOfTheLastUntrustedHopIsIgnored() {
        Set<String> proxies = Set.of("10.0.0.2", "10.0.0.3");
        assertThat(ClientAddress.resolve("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3", proxies))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void parsesTheConfiguredList() {
        assertThat(ClientAddress.parse(" 10.0.0.2, ,10.0.0.3 ")).containsExactlyInAnyOrder("10.0.0.2", "10.0.0.3");
        assertThat(ClientAddress.parse(null)).isEmpty();
    }
}
