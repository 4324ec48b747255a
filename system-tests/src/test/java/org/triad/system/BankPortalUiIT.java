package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
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
 * The bank's customer portal and back office in a real browser (Debian's headless Chromium): a wrong password,
 * alice's dashboard, a two-step transfer to bob confirmed with the pay password and the code from the mail, the
 * transfer in the history, and a clerk approving a new customer in the KYC queue. One-time codes are read from the
 * mails the bank sends to a GreenMail SMTP server in this JVM (127.0.0.1:3025, the bank's configured mail host;
 * {@code ./triad test} starts no mail catcher). Screenshots land in {@code target/screenshots/}.
 * <p>
 * The browser does not know our development CA; the session accepts its certificates with
 * {@link ChromeOptions#setAcceptInsecureCerts}. The chromedriver path is set explicitly so that Selenium Manager
 * never downloads anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankPortalUiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "triad-dev-pass";
    private static final String PAY_PASSWORD = "123456";
    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static GreenMail mail;
    private static String pendingEmail;

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
                "--window-size=1400,1000", "--lang=en-US");
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // ajax updates replace elements while a condition reads them: try again rather than fail
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
    @Order(1)
    void aPortalPageSendsToSignInAndAWrongPasswordShowsAnError() {
        open("/portal/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("next=");

        signIn("alice@example.com", "not-the-password");

        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:messages")));
        assertThat(messages.getText()).contains("Sign-in failed").contains("password is wrong");
        assertThat(browser.getCurrentUrl()).contains("/signin.xhtml");
        assertThat(browser.findElements(By.id("shell:signout"))).isEmpty();
        screenshot("bank-signin-failed");
    }

    @Test
    @Order(2)
    void aliceSeesHerCardsAndMovesMoneyToBobInTwoSteps() {
        String bobsCard = cardNumberOf("bob@example.com");

        open("/portal/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));

        WebElement cards = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dash:cards")));
        assertThat(cards.getText()).contains("6222 ****").contains("Active");
        assertThat(browser.findElement(By.id("total")).getText()).matches("(?s).*\\d[\\d,]*\\.\\d\\d.*CNY.*");
        // the owner may show the full number; balances can be hidden
        click(By.cssSelector("[id$=':show']"));
        wait.until(d -> d.findElement(By.cssSelector(".card-number")).getText().matches("6222 \\d{4} \\d{4} \\d{4} \\d{3}"));
        click(By.id("dash:toggle-balances"));
        wait.until(d -> d.findElement(By.id("total")).getText().contains("******"));
        click(By.id("dash:toggle-balances"));
        wait.until(d -> !d.findElement(By.id("total")).getText().contains("******"));
        screenshot("bank-dashboard");

        // step 1: details; a 3-decimal amount is refused at the field
        open("/portal/transfer.xhtml");
        type(By.id("transfer:toCard"), bobsCard);
        type(By.id("transfer:amount"), "1.005");
        click(By.id("transfer:next"));
        wait.until(d -> !d.findElements(By.cssSelector("[id='transfer:messages'] .ui-messages-error")).isEmpty());
        assertThat(browser.findElement(By.id("transfer:messages")).getText()).contains("at most two decimals");
        type(By.id("transfer:amount"), "12.34");
        click(By.id("transfer:next"));

        // step 2: the recipient's masked name, pay password and the mailed code
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recipient-name")));
        assertThat(name.getText()).contains("*");
        assertThat(browser.findElement(By.id("recipient-number")).getText()).startsWith("6222 ****")
                .endsWith(bobsCard.substring(bobsCard.length() - 4));
        click(By.id("confirm:send-code"));
        String code = code("alice@example.com", "confirm your transfer");
        type(By.id("confirm:payPassword"), PAY_PASSWORD);
        type(By.id("confirm:code"), code);
        screenshot("bank-transfer-confirm");
        click(By.id("confirm:submit"));

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done:receipt")));
        assertThat(receipt.getText()).contains("Transferred").contains("12.34");

        open("/portal/history.xhtml");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:table")));
        assertThat(table.getText()).contains("Transfer").contains("-12.34")
                .contains("***" + bobsCard.substring(bobsCard.length() - 4));
        // filter by type: deposits only do not show the transfer
        click(By.id("filters:type"));
        click(By.cssSelector("#filters\\:type_items li[data-label='Deposit']"));
        click(By.id("filters:search"));
        wait.until(d -> !d.findElement(By.id("filters:table")).getText().contains("-12.34"));
        click(By.id("filters:type"));
        click(By.cssSelector("#filters\\:type_items li[data-label='Transfer']"));
        click(By.id("filters:search"));
        wait.until(d -> d.findElement(By.id("filters:table")).getText().contains("-12.34"));
        screenshot("bank-history");

        signOut();
    }

    @Test
    @Order(3)
    void aClerkApprovesANewCustomerInTheKycQueue() {
        pendingEmail = "ui-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5)) + "@example.com";
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"Carol Pending\",\"email\":\"" + pendingEmail + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"" + PAY_PASSWORD + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + pendingEmail + "\",\"code\":\"" + code(pendingEmail, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        browser.manage().deleteAllCookies();
        open("/clerk/kyc.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/kyc.xhtml"));
        WebElement queue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kyc:queue")));
        assertThat(queue.getText()).contains(pendingEmail);
        screenshot("bank-kyc-queue");

        WebElement row = browser.findElement(By.xpath("//tr[.//span[contains(@class,'customer-email') and text()='"
                + pendingEmail + "']]"));
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(d -> !d.findElement(By.id("kyc:queue")).getText().contains(pendingEmail));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-message")));
        assertThat(browser.findElement(By.cssSelector(".ui-growl")).getText()).contains("approved");

        var customers = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/clerk/customers?q=" + pendingEmail),
                "Authorization", basic("clerk", PASSWORD));
        assertThat(customers.body()).contains("\"kycStatus\":\"APPROVED\"");

        // every back-office screen opens from the menu's targets
        for (String page : List.of("/clerk/customers.xhtml", "/clerk/transactions.xhtml", "/clerk/audit.xhtml")) {
            open(page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bank-page-head h1")));
            assertThat(browser.findElements(By.cssSelector(".ui-datatable"))).as(page).isNotEmpty();
        }
        screenshot("bank-clerk-audit");
        signOut();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static String cardNumberOf(String email) {
        var response = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization", basic(email, PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject card = Json.createReader(new StringReader(response.body())).readArray().getJsonObject(0);
        return card.getString("number");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The code in the newest mail to the address whose subject contains the given words. */
    private static String code(String to, String subjectContains) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> sentTo(m, to) && subject(m).contains(subjectContains)).toList();
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
            sleep(100);
        }
        throw new AssertionError("No mail '" + subjectContains + "' to " + to);
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
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

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
