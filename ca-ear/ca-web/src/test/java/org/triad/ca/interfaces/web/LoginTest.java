package org.triad.ca.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoginTest {

    @Test
    void goesBackToTheAdminPageItCameFrom() {
        assertThat(Login.safeNext("/admin/certificates.xhtml?status=REVOKED"))
                .isEqualTo("/admin/certificates.xhtml?status=REVOKED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://evil.example/admin/", "//evil.example/admin/x", "/admin//evil.example",
            "/index.xhtml", "/admin/../api/v1/x", "/admin/\\evil", "/admin/a b", "javascript:alert(1)"})
    void anythingElseGoesToTheDashboard(String next) {
        assertThat(Login.safeNext(next)).isEqualTo(Login.DASHBOARD);
    }

    @Test
    void noNextGoesToTheDashboard() {
        assertThat(Login.safeNext(null)).isEqualTo(Login.DASHBOARD);
    }

    @Test
    void csrFilesArePemOrDerElseRefused() {
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        assertThat(Issue.csrText(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(pem.trim());

        byte[] der = new byte[200];
        der[0] = 0x30;
        der[1] = (byte) 0x81;
        assertThat(Issue.csrText(der)).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n")
                .contains(Base64.getEncoder().encodeToString(new byte[] {0x30, (byte) 0x81, 0}).substring(0, 3))
                .endsWith("-----END CERTIFICATE REQUEST-----\n");

        assertThat(Issue.csrText("GIF89a not a csr at all".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(Issue.csrText("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
