package org.triad.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureDomainTest {

    @TempDir
    Path dir;

    private String configure(String... settings) throws Exception {
        Path domainXml = dir.resolve("domain.xml");
        if (!Files.exists(domainXml)) {
            Files.copy(Path.of(System.getProperty("stock.domain.xml")), domainXml);
        }
        String[] args = new String[settings.length + 1];
        args[0] = domainXml.toString();
        System.arraycopy(settings, 0, args, 1, settings.length);
        ConfigureDomain.main(args);
        return Files.readString(domainXml);
    }

    @Test
    void nothingListensOnAllInterfacesAfterwards() throws Exception {
        String xml = configure();

        assertThat(xml).doesNotContain("0.0.0.0").doesNotContain("AUTO_SERVER");
        assertThat(xml).contains("interface=\"127.0.0.1\"").contains("-Dhazelcast.socket.bind.any=false");
        assertThat(xml).containsPattern("<jms-service[^>]*type=\"DISABLED\"");
    }

    @Test
    void eachApplicationGetsItsOwnHttpsListenerAndCertificateAlias() throws Exception {
        String xml = configure();

        assertThat(xml).containsPattern("<network-listener[^>]*name=\"ca-https\"[^>]*port=\"8443\"|<network-listener[^>]*port=\"8443\"[^>]*name=\"ca-https\"");
        assertThat(xml).containsPattern("name=\"bank-https\"").containsPattern("port=\"9443\"").containsPattern("port=\"10443\"");
        assertThat(xml).containsPattern(
                "<virtual-server[^>]*id=\"server\"[^>]*network-listeners=\"http-listener-1,ca-https,bank-https,shop-https\"");
        assertThat(xml).contains("cert-nickname=\"triad-ca\"").contains("cert-nickname=\"triad-bank\"")
                .contains("cert-nickname=\"triad-shop\"");
        assertThat(xml).doesNotContain("port=\"8181\"");
        assertThat(xml).contains("cookie-same-site-value=\"Lax\"");
    }

    @Test
    void eachApplicationHasARequestPoolOfItsOwnLargerThanOneHttp2Connection() throws Exception {
        String xml = configure();

        for (String app : new String[] {"ca", "bank", "shop"}) {
            assertThat(xml).containsPattern("<network-listener[^>]*name=\"" + app + "-https\"[^>]*thread-pool=\""
                    + app + "-https-threads\"|<network-listener[^>]*thread-pool=\"" + app
                    + "-https-threads\"[^>]*name=\"" + app + "-https\"");
            assertThat(xml).containsPattern("<thread-pool[^>]*max-thread-pool-size=\"128\"[^>]*name=\"" + app
                    + "-https-threads\"|<thread-pool[^>]*name=\"" + app
                    + "-https-threads\"[^>]*max-thread-pool-size=\"128\"");
        }
        assertThat(xml).containsPattern("<thread-pool[^>]*max-thread-pool-size=\"32\"[^>]*name=\"http-thread-pool\"");
    }

    @Test
    void onlyTheBankAsksForClientCertificatesAndTrustsItsOwnStoreForThem() throws Exception {
        String xml = configure();
        java.util.regex.Matcher bank = java.util.regex.Pattern.compile("<ssl[^>]*cert-nickname=\"triad-bank\"[^>]*>")
                .matcher(xml);
        assertThat(bank.find()).isTrue();
        assertThat(bank.group()).contains("client-auth=\"want\"").contains("bank-client-trust.p12")
                .contains("classname=\"" + ConfigureDomain.JSSE + "\"");
        for (String other : java.util.List.of("triad-ca", "triad-shop")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<ssl[^>]*cert-nickname=\"" + other + "\"[^>]*>")
                    .matcher(xml);
            assertThat(m.find()).isTrue();
            assertThat(m.group()).doesNotContain("client-auth").doesNotContain("trust-store")
                    .contains(ConfigureDomain.GLASSFISH_SSL);
        }
        java.util.regex.Matcher off = java.util.regex.Pattern.compile("<ssl[^>]*cert-nickname=\"triad-bank\"[^>]*>")
                .matcher(configure("bank.client-trust=none"));
        assertThat(off.find()).isTrue();
        assertThat(off.group()).doesNotContain("client-auth").doesNotContain("trust-store");
    }

    @Test
    void portsAndHeapAreSettable() throws Exception {
        String xml = configure("ca.https=18443", "http=18080", "heap=2g", "https.threads=64");

        assertThat(xml).contains("port=\"18443\"").contains("port=\"18080\"").contains("-Xmx2g");
        assertThat(xml).containsPattern("max-thread-pool-size=\"64\"[^>]*name=\"bank-https-threads\"");
    }

    @Test
    void runningTwiceChangesNothing() throws Exception {
        String once = configure();
        String twice = configure();

        assertThat(twice).isEqualTo(once);
    }
}
