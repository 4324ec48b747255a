package org.triad.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.common.web.ListenerPolicyFilter.Decision.NOT_HERE;
import static org.triad.common.web.ListenerPolicyFilter.Decision.PASS;
import static org.triad.common.web.ListenerPolicyFilter.Decision.REDIRECT;
import static org.triad.common.web.ListenerPolicyFilter.Decision.REFUSE;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerPolicyFilterTest {

    private final ListenerPolicyFilter ca = ListenerPolicyFilter.of("https://localhost:8443/ca",
            List.of("/ca.pem", "/crl", "/ocsp", "/ocsp/*"));
    private final ListenerPolicyFilter bank = ListenerPolicyFilter.of("https://localhost:9443/bank", List.of());

    @Test
    void httpsOnTheApplicationsOwnListenerPasses() {
        assertThat(ca.decide(true, 8443, "/index.xhtml", "GET")).isEqualTo(PASS);
        assertThat(bank.decide(true, 9443, "/api/v1/health", "POST")).isEqualTo(PASS);
    }

    @Test
    void httpsOnAnotherApplicationsListenerIsNotFound() {
        assertThat(bank.decide(true, 8443, "/index.xhtml", "GET")).isEqualTo(NOT_HERE);
        assertThat(ca.decide(true, 10443, "/ca.pem", "GET")).isEqualTo(NOT_HERE);
    }

    @Test
    void publicPkiPathsPassOverPlainHttpExactlyOrByPrefix() {
        assertThat(ca.decide(false, 8080, "/ca.pem", "GET")).isEqualTo(PASS);
        assertThat(ca.decide(false, 8080, "/crl", "GET")).isEqualTo(PASS);
        assertThat(ca.decide(false, 8080, "/ocsp", "POST")).isEqualTo(PASS);
        assertThat(ca.decide(false, 8080, "/ocsp/MEQwQjBAMD4wPDAJBgUrDgMCGgUABBQ", "GET")).isEqualTo(PASS);
    }

    @Test
    void everythingElseOverPlainHttpIsRedirectedOrRefused() {
        assertThat(ca.decide(false, 8080, "/", "GET")).isEqualTo(REDIRECT);
        assertThat(ca.decide(false, 8080, "/ca.pemx", "GET")).isEqualTo(REDIRECT);
        assertThat(ca.decide(false, 8080, "/ocspx", "HEAD")).isEqualTo(REDIRECT);
        assertThat(ca.decide(false, 8080, "/api/v1/certificates", "POST")).isEqualTo(REFUSE);
        assertThat(bank.decide(false, 8080, "/ca.pem", "GET")).isEqualTo(REDIRECT);
        assertThat(bank.decide(false, 8080, "/api/v1/transfers", "POST")).isEqualTo(REFUSE);
    }
}
