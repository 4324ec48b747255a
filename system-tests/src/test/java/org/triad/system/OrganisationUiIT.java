package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * Organisations in a real browser (Debian's headless Chromium): a new customer applies with an uploaded licence
 * (PNG), the clerk opens the application in the back office, sees the document and approves it, and the applicant
 * creates a department that appears in the tree. Screenshots land in {@code target/screenshots/organisation-*}.
 */
class OrganisationUiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "triad-dev-pass";
    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static GreenMail mail;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            screenshot("organisation-failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void start() throws IOException {
        mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("triad.chromium", "/usr/bin/chromium");
        assertThat(Path.of(driverPath)).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        assertThat(Path.of(chromium)).as("chromium (apt-get install chromium)").isExecutable();
        System.setProperty("webdriver.chrome.driver", driverPath);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--lang=en-US");
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = (WebDriverWait) new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
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
        open("/portal/organisation-apply.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/organisation-apply.xhtml"));
        choose("apply:type", "Enterprise");
        type(By.id("apply:name"), name);
        type(By.id("apply:registration"), code);
        type(By.id("apply:contact-name"), "Mei Lin");
        type(By.id("apply:contact-email"), email);
        type(By.id("apply:contact-phone"), "+86 571 5555 0123");
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#apply\\:documents input[type=file]")));
        file.sendKeys(licence.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply:uploaded"),
                licence.getFileName().toString()));
        screenshot("organisation-apply");
        click(By.id("apply:submit"));
        wait.until(ExpectedConditions.urlContains("/portal/organisation.xhtml?id="));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation-name"), name));
        assertThat(browser.findElement(By.id("organisation:status")).getText()).isEqualTo("Pending review");
        assertThat(browser.findElement(By.id("documents:list")).getText()).contains(licence.getFileName().toString());
        screenshot("organisation-pending");
        signOut();

        // The clerk opens the application, sees the document and approves.
        open("/clerk/organisations.xhtml?lang=en");
        signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/organisations.xhtml"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//span[contains(@class,'organisation-name') and text()='" + name + "']]")));
        row.findElement(By.cssSelector("button[id$=':open']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selected-name"), name));
        WebElement documents = browser.findElement(By.id("detail:documents"));
        assertThat(documents.getText()).contains(licence.getFileName().toString()).contains("image/png");
        assertThat(documents.findElements(By.cssSelector("button[id$=':download']"))).hasSize(1);
        screenshot("organisation-review");
        click(By.id("detail:approve"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "Organisation approved"));
        assertThat(browser.findElement(By.id("review:queue")).getText()).doesNotContain(name);
        screenshot("organisation-approved");
        signOut();

        // The applicant, now administrator of an approved organisation, creates a department.
        open("/portal/organisations.xhtml?lang=en");
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/organisations.xhtml"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organisations:list"))).getText())
                .contains(name).contains("Approved").contains("Administrator");
        click(By.linkText(name));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation:status"), "Approved"));
        type(By.id("departments:department-name"), "Research");
        click(By.id("departments:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments:tree"), "Research"));
        assertThat(browser.findElement(By.cssSelector(".ui-growl")).getText()).contains("Department created");
        screenshot("organisation-department");
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
                "{\"email\":\"" + email + "\",\"code\":\"" + code(email) + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    private static String code(String to) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> sentTo(m, to)).toList();
            if (!matching.isEmpty()) {
                try {
                    Matcher m = CODE.matcher(String.valueOf(matching.get(matching.size() - 1).getContent()));
                    if (m.find()) {
                        return m.group(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("No activation mail to " + to);
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            return false;
        }
    }

    private static void open(String path) {
        browser.get(TriadHttp.baseUrl("bank") + path);
    }

    private static void signIn(String user, String password) {
        type(By.id("signin:username"), user);
        type(By.id("signin:password"), password);
        click(By.id("signin:submit"));
    }

    private static void signOut() {
        open("/index.xhtml");
        click(By.id("shell:signout"));
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
    }

    private static void type(By by, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(by));
        field.clear();
        field.sendKeys(text);
    }

    /** Picks a selectOneMenu option by label through the PrimeFaces widget (as BankPortalUiIT does). */
    private static void choose(String menuId, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId)));
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const select = document.getElementById(arguments[0] + '_input');"
                        + "const option = Array.from(select.options).find(o => o.text === arguments[1]);"
                        + "if (!option) { return null; }"
                        + "PrimeFaces.getWidgetById(arguments[0]).selectValue(option.value);"
                        + "return option.value;", menuId, label);
        assertThat(value).as("option " + label + " of " + menuId).isNotNull();
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void screenshot(String name) {
        try {
            Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
