package org.triad.testkit;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds Arquillian deployments from the real EAR that Maven just packaged (never a hand-listed
 * archive): the test classes go into its WAR, the test libraries into its lib/.
 */
public final class Deployments {

    private Deployments() {
    }

    /**
     * @param app          {@code ca}, {@code bank} or {@code shop}; the EAR is {@code target/<app>.ear}
     * @param classesToAdd test classes to add to the application's WAR
     */
    public static EnterpriseArchive ear(String app, Class<?>... classesToAdd) {
        return ear(app, "", classesToAdd);
    }

    /**
     * The same with extra MicroProfile Config lines for this deployment only (they win over the application's own
     * defaults), e.g. a short rate-limit window.
     *
     * @param extraConfig {@code key=value} lines, separated by newlines
     */
    public static EnterpriseArchive ear(String app, String extraConfig, Class<?>... classesToAdd) {
        File earFile = new File(System.getProperty("triad.ear", "target/" + app + ".ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile);
        String warName = app + "-web.war";
        WebArchive war = ear.getAsType(WebArchive.class, warName);
        war.addClasses(classesToAdd);
        ear.delete(warName);
        ear.addAsModule(war);
        ear.addAsLibraries(jarOf(Assertions.class), jarOf(TriadHttp.class), jarOf(jakarta.json.Json.class),
                jarOf(org.eclipse.parsson.JsonProviderImpl.class));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsManifestResource(new StringAsset(testConfig(app) + extraConfig + "\n"), "microprofile-config.properties"));
        return ear;
    }

    /** What the health check must report as the database: MariaDB/MySQL in CI, H2 otherwise. */
    public static String expectedDatabaseProduct() {
        return "mysql".equalsIgnoreCase(System.getenv("TRIAD_DB")) ? "MySQL" : "H2";
    }

    private static String testConfig(String app) {
        // Arquillian's test runner servlet is reached over plain HTTP. The in-container tier runs without certificates
        // from the CA (no client certificate can be presented): the bank's seed leaves the shop's tokens unbound.
        return "config_ordinal=500\n"
                + "triad." + app + ".plain-http.extra-paths=/ArquillianServletRunnerEE9\n"
                + ("bank".equals(app) ? "triad.bank.dev-seed.shop-client-subject=none\n" : "");
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
