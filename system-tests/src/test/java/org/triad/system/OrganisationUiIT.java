package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * Organisations in a real browser (Debian's headless Chromium): a new customer applies with an uploaded licence
 * (PNG), the clerk opens the application in the back office, sees the document and approves it, and the applicant
 * creates a department that appears in the tree. Screenshots land in {@code target/screenshots/organisation-*}.
 */
class OrganisationUiIT {

    private static final String PASSWORD = "triad-dev-pass";
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static Browser ui;
    private static BankUi bank;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static MailCodes mail;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE =
            Browser.screenshotOnFailure(() -> ui, "organisation-failed-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        ui = Browser.start(1400, 1100);
        bank = new BankUi(ui);
        browser = ui.driver();
        wait = ui.waits();
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.quit();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void applyWithAnUploadTheClerkApprovesWithTheDocumentAndADepartmentIsCreated() throws IOException {
        String email = "org-ui-" + UUID.randomUUID() + "@example.com";
        registerActivatedCustomer("Mei Lin", email);
        String name = "Lotus Tea House " + UUID.randomUUID().toString().substring(0, 6);
        String code = creditCode("91");
        Path licence = Files.createTempFile("business-licence", ".png");
        Files.write(licence, PNG);

        // The applicant fills in the form and uploads the licence.
        bank.open("/portal/organisation-apply.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/organisation-apply.xhtml"));
        ui.choose("apply:type", "Enterprise");
        ui.type(By.id("apply:name"), name);
        ui.type(By.id("apply:registration"), code);
        ui.type(By.id("apply:contact-name"), "Mei Lin");
        ui.type(By.id("apply:contact-email"), email);
        ui.type(By.id("apply:contact-phone"), "+86 571 5555 0123");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#apply\\:documents input[type=file]")));
        file.sendKeys(licence.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply:uploaded"),
                licence.getFileName().toString()));
        ui.screenshot("organisation-apply");
        ui.click(By.id("apply:submit"));
        wait.until(ExpectedConditions.urlContains("/portal/organisation.xhtml?id="));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation-name"), name));
        assertThat(browser.findElement(By.id("organisation:status")).getText()).isEqualTo("Pending review");
        assertThat(browser.findElement(By.id("documents:list")).getText()).contains(licence.getFileName().toString());
        ui.screenshot("organisation-pending");
        bank.signOut();

        // The clerk opens the application, sees the document and approves.
        bank.open("/clerk/organisations.xhtml?lang=en");
        bank.signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/organisations.xhtml"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//span[contains(@class,'organisation-name') and text()='" + name + "']]")));
        row.findElement(By.cssSelector("button[id$=':open']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selected-name"), name));
        WebElement documents = browser.findElement(By.id("detail:documents"));
        assertThat(documents.getText()).contains(licence.getFileName().toString()).contains("image/png");
        assertThat(documents.findElements(By.cssSelector("button[id$=':download']"))).hasSize(1);
        ui.screenshot("organisation-review");
        ui.click(By.id("detail:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review:messages"), "Organisation approved"));
        assertThat(browser.findElement(By.id("review:queue")).getText()).doesNotContain(name);
        ui.screenshot("organisation-approved");
        bank.signOut();

        // The applicant, now administrator of an approved organisation, creates a department.
        bank.open("/portal/organisations.xhtml?lang=en");
        bank.signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/organisations.xhtml"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organisations:list"))).getText())
                .contains(name).contains("Approved").contains("Administrator");
        ui.click(By.linkText(name));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation:status"), "Approved"));
        ui.type(By.id("departments:department-name"), "Research");
        ui.click(By.id("departments:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:tree"), "Research"));
        assertThat(browser.findElement(By.cssSelector(".ui-growl")).getText()).contains("Department created");
        ui.screenshot("organisation-department");
    }

    private static String creditCode(String prefix) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            b.append(random.nextInt(10));
        }
        for (int i = 0; i < 9; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(b.charAt(i)) * weights[i];
        }
        return b.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
    }

    private static void registerActivatedCustomer(String nickname, String email) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"" + nickname + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"123456\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + email + "\",\"code\":\"" + mail.code(email) + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }
}
