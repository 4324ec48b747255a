package org.triad.ca.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.certificate.CertificateProfile;
import org.triad.ca.domain.model.certificate.RevocationReason;

/** Every text of the CA screens exists in English and Chinese. */
class ScreenBundlesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
    private static final Pattern BEAN_KEY = Pattern.compile("\"((?:issue|revoke|audit|login|certificates|error)\\.[A-Za-z0-9_.]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_zh_CN").stringPropertyNames()).isEqualTo(bundle("messages").stringPropertyNames());
    }

    @Test
    void everyKeyThePagesAndBeansUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                collect(LITERAL_KEY, Files.readString(page), used);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/triad/ca/interfaces/web"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(BEAN_KEY, Files.readString(source), used);
            }
        }
        for (String s : new String[] {"ISSUED", "REVOKED", "EXPIRED"}) {
            used.add("status." + s);
        }
        for (CertificateProfile p : CertificateProfile.values()) {
            used.add("profile." + p.apiName());
        }
        for (RevocationReason r : RevocationReason.values()) {
            used.add("reason." + r.apiName());
        }
        for (AuditAction a : AuditAction.values()) {
            used.add("auditAction." + a.name());
        }
        for (String o : new String[] {"SUCCESS", "FAILURE", "DENIED"}) {
            used.add("outcome." + o);
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("messages").stringPropertyNames()).containsAll(used);
        assertThat(bundle("messages_zh_CN").stringPropertyNames()).containsAll(used);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ScreenBundlesTest.class.getResourceAsStream("/org/triad/ca/web/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
