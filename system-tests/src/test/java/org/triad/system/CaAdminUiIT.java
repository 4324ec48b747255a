package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The CA admin UI in a real browser (Debian's headless Chromium): sign-in, dashboard, issuing from
 * an uploaded CSR, finding the certificate in the list, revoking it through the dialogs, and the
 * audit chain check. Screenshots land in {@code target/screenshots/}.
 * <p>
 * The browser and its settings (our development CA's certificates accepted, no driver downloads) come
 * from {@link Browser}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaAdminUiIT {

    private static Browser ui;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String issuedSerial;
    private static final String COMMON_NAME = "ui-test-" + new BigInteger(40, new SecureRandom()).toString(16) + ".localhost";

    @BeforeAll
    static void startBrowser() {
        ui = Browser.start();
        browser = ui.driver();
        wait = ui.waits();
    }

    @AfterAll
    static void stopBrowser() {
        if (ui != null) {
            ui.quit();
        }
    }

    @Test
    @Order(1)
    void anAdminPageSendsToTheLoginPageAndAWrongPasswordStaysThere() {
        open("/admin/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("next=");

        signIn("ca-admin", "not-the-password");

        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
        assertThat(messages.getText()).contains("Wrong user name or password");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        assertThat(browser.findElements(By.id("shell:signout"))).isEmpty();
        screenshot("login-failed");
    }

    @Test
    @Order(2)
    void signingInShowsTheDashboard() {
        open("/admin/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        signIn("ca-admin", "triad-dev-pass");

        wait.until(ExpectedConditions.urlContains("/admin/dashboard.xhtml"));
        WebElement counts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counts")));
        assertThat(counts.getText()).contains("Issued", "Revoked", "Expired", "Expiring within 30 days");
        assertThat(browser.findElement(By.cssSelector("[data-status='ISSUED']")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("ca-admin");
        assertThat(browser.findElement(By.id("dl-root")).getAttribute("href")).endsWith("/ca/ca.pem");
        assertThat(browser.findElement(By.id("dl-crl")).getAttribute("href")).endsWith("/ca/crl");
        screenshot("dashboard");
    }

    @Test
    @Order(3)
    void issuingFromAnUploadedCsrShowsTheSerialAndTheCertificate() throws Exception {
        Path csr = Files.createTempFile("ui-test-", ".csr");
        Files.writeString(csr, csrPem(COMMON_NAME));

        open("/admin/issue.xhtml");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[type='file'][id^='tabs:issue-csr:csrFile']")));
        file.sendKeys(csr.toAbsolutePath().toString());
        browser.findElement(By.id("tabs:issue-csr:submit-csr")).click();

        WebElement serial = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-serial")));
        issuedSerial = serial.getText().trim();
        assertThat(issuedSerial).matches("[0-9a-f]{16,40}");
        assertThat(browser.findElement(By.id("tabs:issue-csr:issuedPem")).getAttribute("value"))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(browser.findElement(By.id("tabs:issue-csr:csr-result")).getText()).contains(COMMON_NAME);
        screenshot("issued");
        Files.deleteIfExists(csr);
    }

    @Test
    @Order(3)
    void aFileThatIsNoCsrIsRejectedWithAMessage() throws Exception {
        Path garbage = Files.createTempFile("not-a-csr-", ".csr");
        Files.writeString(garbage, "GIF89a this is not a certificate signing request");

        open("/admin/issue.xhtml");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[type='file'][id^='tabs:issue-csr:csrFile']")));
        file.sendKeys(garbage.toAbsolutePath().toString());
        browser.findElement(By.id("tabs:issue-csr:submit-csr")).click();

        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='tabs:issue-csr'] .ui-message-error, [id='tabs:issue-csr'] .ui-messages-error")));
        assertThat(messages.getText()).contains("not a certificate signing request");
        assertThat(browser.findElements(By.id("issued-serial"))).isEmpty();
        Files.deleteIfExists(garbage);
    }

    @Test
    @Order(3)
    void aGeneratedKeyNeedsALongEnoughPasswordAndIsOfferedOnce() {
        open("/admin/issue.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Generate key and certificate"))).click();
        WebElement cn = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:issue-key:commonName")));
        cn.sendKeys("ui-client-" + new BigInteger(40, new SecureRandom()).toString(16));
        browser.findElement(By.id("tabs:issue-key:password")).sendKeys("short");
        browser.findElement(By.id("tabs:issue-key:passwordConfirmation")).sendKeys("short");
        browser.findElement(By.id("tabs:issue-key:submit-key")).click();
        waitForAjax();
        wait.until(d -> d.findElement(By.id("tabs:issue-key")).getText().contains("at least 12 characters"));
        assertThat(browser.findElements(By.id("generated-serial"))).isEmpty();

        WebElement password = browser.findElement(By.id("tabs:issue-key:password"));
        password.clear();
        password.sendKeys("correct horse battery");
        WebElement confirmation = browser.findElement(By.id("tabs:issue-key:passwordConfirmation"));
        confirmation.clear();
        confirmation.sendKeys("correct horse battery");
        browser.findElement(By.id("tabs:issue-key:submit-key")).click();
        waitForAjax();
        WebElement serial = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generated-serial")));
        assertThat(serial.getText()).matches("[0-9a-f]{16,40}");
        assertThat(browser.findElement(By.id("tabs:issue-key:download-p12")).isDisplayed()).isTrue();
        screenshot("issued-with-key");
    }

    @Test
    @Order(4)
    void theNewCertificateIsListedAndCanBeRevokedWithAReason() {
        assertThat(issuedSerial).as("issued by the previous test").isNotNull();
        open("/admin/certificates.xhtml");
        WebElement row = wait.until(d -> rowOf(issuedSerial));
        assertThat(row.getText()).contains(COMMON_NAME, "tls-server", "Issued");

        // narrow the list down to the new certificate with the CN filter
        WebElement cn = browser.findElement(By.id("certs:cn"));
        cn.clear();
        cn.sendKeys(COMMON_NAME);
        browser.findElement(By.id("certs:search")).click();
        waitForAjax();
        wait.until(d -> d.findElements(By.cssSelector("#certs\\:table_data tr")).size() == 1 && rowOf(issuedSerial) != null);
        screenshot("certificates");

        rowOf(issuedSerial).findElement(By.cssSelector("button[id$=':view']")).click();
        WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-dialog")));
        wait.until(d -> d.findElement(By.id("details-dialog")).getText().contains(issuedSerial));
        assertThat(details.getText()).contains("DNS:" + COMMON_NAME);
        assertThat(browser.findElement(By.id("details-form:pem")).getAttribute("value"))
                .startsWith("-----BEGIN CERTIFICATE-----");
        screenshot("certificate-details");
        details.findElement(By.cssSelector(".ui-dialog-titlebar-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("details-dialog")));

        rowOf(issuedSerial).findElement(By.cssSelector("button[id$=':revoke']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke-dialog")));
        assertThat(browser.findElement(By.id("revoke-dialog")).getText()).contains(issuedSerial);
        ui.choose("revoke-form:reason", "Key compromise");
        browser.findElement(By.id("revoke-form:confirm-revoke")).click();
        WebElement yes = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes")));
        screenshot("revoke-confirm");
        yes.click();
        waitForAjax();

        WebElement growl = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-item")));
        assertThat(growl.getText()).contains("Certificate revoked", issuedSerial, "Key compromise");
        wait.until(d -> rowOf(issuedSerial) != null && rowOf(issuedSerial).getText().contains("Revoked"));
        WebElement status = rowOf(issuedSerial).findElement(By.cssSelector(".ca-status"));
        assertThat(status.getText()).isEqualToIgnoringCase("REVOKED");
        assertThat(status.getAttribute("class")).contains("ca-status-REVOKED");
        assertThat(rowOf(issuedSerial).findElements(By.cssSelector("button[id$=':revoke']"))).isEmpty();
        screenshot("certificates-revoked");

        // and the CA says so to everyone else
        var rest = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + issuedSerial)));
        assertThat(rest.toString()).contains("REVOKED");
    }

    @Test
    @Order(5)
    void theAuditLogShowsTheRevocationAndItsChainIsIntact() {
        open("/admin/audit.xhtml");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit:table")));
        assertThat(table.getText()).contains("Certificate revoked");
        browser.findElement(By.id("audit:verify")).click();
        WebElement intact = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit:chain-intact")));
        assertThat(intact.getText()).contains("intact");
        screenshot("audit");
    }

    @Test
    @Order(6)
    void theScreensSpeakChinese() {
        open("/admin/certificates.xhtml?lang=zh-CN");
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ca-page-head h1")));
        assertThat(heading.getText()).isEqualTo("证书");
        screenshot("certificates-zh");
        open("/admin/dashboard.xhtml?lang=en");
    }

    @Test
    @Order(7)
    void signingOutEndsTheSession() {
        open("/admin/dashboard.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("shell:signout"))).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        open("/admin/certificates.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    // --- helpers

    private static void open(String path) {
        ui.open("ca", path);
        waitForAjax();
    }

    private static void signIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login:password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        waitForAjax();
    }

    /** The table row showing a serial, or null. */
    private static WebElement rowOf(String serial) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#certs\\:table_data tr"));
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.cssSelector(".ca-serial"));
            if (!cells.isEmpty() && cells.get(0).getText().trim().equals(serial)) {
                return row;
            }
        }
        return null;
    }

    private static void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);")));
    }

    private static void screenshot(String name) {
        try {
            ui.screenshot(name);
            Files.writeString(Browser.SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    /** A PKCS#10 request for a TLS server (EC P-256), as the requester would make it. */
    static String csrPem(String dnsName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=" + dnsName + ",O=Triad UI test"), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(csr);
        }
        return out.toString();
    }
}
