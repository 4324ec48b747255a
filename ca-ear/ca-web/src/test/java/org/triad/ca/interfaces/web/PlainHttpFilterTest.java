package org.triad.ca.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainHttpFilterTest {

    private final List<String> publicPaths = List.of("/ca.pem", "/crl", "/ocsp", "/ocsp/*");

    @Test
    void publicPkiPathsMatchExactlyOrByPrefix() {
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/ca.pem")).isTrue();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/crl")).isTrue();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/ocsp")).isTrue();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/ocsp/MEQwQjBAMD4wPDAJBgUrDgMCGgUABBQ")).isTrue();
    }

    @Test
    void everythingElseIsNotPublic() {
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/")).isFalse();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/index.xhtml")).isFalse();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/crl.pem.bak")).isFalse();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/ca.pemx")).isFalse();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/ocspx")).isFalse();
        assertThat(PlainHttpFilter.matchesAny(publicPaths, "/api/v1/certificates")).isFalse();
    }
}
