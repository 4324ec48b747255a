package org.triad.bank.domain.model.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** The client certificate subject an app registers for mutual TLS (RFC 8705 tls_client_auth_subject_dn). */
class OAuthClientCertificateTest {

    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theSubjectIsKeptInRfc2253FormAndComparedAsANameNotAsText() {
        OAuthClient app = new OAuthClient("merchant-1", 1, null, true, now);
        app.clientCertificateSubject("  o=Example,  CN=shop ", now);
        assertThat(app.clientCertificateSubject()).isEqualTo("O=Example,CN=shop");
        assertThat(app.isClientCertificateSubject(new X500Principal("O=example, cn=SHOP"))).isTrue();
        assertThat(app.isClientCertificateSubject(new X500Principal("CN=shop"))).isFalse();
        assertThat(app.isClientCertificateSubject(new X500Principal("O=Example,CN=shop2"))).isFalse();
        assertThat(app.isClientCertificateSubject(null)).isFalse();
    }

    @Test
    void blankRemovesTheSubjectAndAnAppWithoutOneMatchesNoCertificate() {
        OAuthClient app = new OAuthClient("merchant-2", 1, null, true, now);
        assertThat(app.isClientCertificateSubject(new X500Principal("CN=shop"))).isFalse();
        app.clientCertificateSubject("CN=shop", now);
        app.clientCertificateSubject(" ", now);
        assertThat(app.clientCertificateSubject()).isNull();
        assertThat(app.isClientCertificateSubject(new X500Principal("CN=shop"))).isFalse();
    }

    @Test
    void malformedNamesAndPublicAppsAreRefused() {
        OAuthClient app = new OAuthClient("merchant-3", 1, null, true, now);
        assertThatThrownBy(() -> app.clientCertificateSubject("not a name", now))
                .isInstanceOf(InvalidClientInputException.class);
        assertThatThrownBy(() -> app.clientCertificateSubject("CN=" + "x".repeat(400), now))
                .isInstanceOf(InvalidClientInputException.class);
        assertThat(app.clientCertificateSubject()).isNull();
        OAuthClient spa = new OAuthClient("spa-1", 1, null, false, now);
        assertThatThrownBy(() -> spa.clientCertificateSubject("CN=spa", now))
                .isInstanceOf(InvalidClientInputException.class);
    }
}
