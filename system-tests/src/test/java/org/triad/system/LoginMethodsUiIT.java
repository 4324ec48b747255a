package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * Login methods in real browsers (Debian's headless Chromium): a customer turns on an authenticator app on the
 * security page and signs in with its code as the second step; then a second browser (the "computer") shows a
 * sign-in QR code, the first browser (the "phone", signed in) opens the URL read off that QR code, sees the asking
 * browser and confirms, and the computer is signed in. TOTP codes are computed here (RFC 6238); screenshots land in
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginMethodsUiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "triad-dev-pass";
    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");

    private static WebDriver phone;
    private static WebDriver computer;
    private static GreenMail mail;
    private static String email;
    private static byte[] totpKey;
    private static String recoveryCode;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent()) {
            if (phone != null) {
                screenshot(phone, "failed-phone-" + context.getRequiredTestMethod().getName());
            }
            if (computer != null) {
                screenshot(computer, "failed-computer-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start() throws IOException {
        mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Files.createDirectories(SCREENSHOTS);
        phone = browser("LoginMethodsUiIT-phone");
        computer = browser("LoginMethodsUiIT-computer");
    }

    private static WebDriver browser(String userAgentSuffix) {
        String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("triad.chromium", "/usr/bin/chromium");
        assertThat(Path.of(driverPath)).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        assertThat(Path.of(chromium)).as("chromium (apt-get install chromium)").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,1000", "--lang=en-US",
                "--user-agent=Mozilla/5.0 (X11; Linux x86_64) Chrome/120 " + userAgentSuffix);
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath).toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
        if (computer != null) {
            computer.quit();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void aCustomerTurnsOnAnAuthenticatorAndSignsInWithItsCode() throws Exception {
        email = "totp-" + UUID.randomUUID() + "@example.com";
        registerActivatedCustomer("Tom", email);

        open(phone, "/signin.xhtml?lang=en");
        signInWithPassword(phone);
        wait(phone).until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        open(phone, "/portal/security.xhtml");
        click(phone, By.id("totp:start"));
        String secret = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        WebElement qr = phone.findElement(By.id("totp-qr"));
        wait(phone).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        assertThat(decodeQr(qr)).startsWith("otpauth://totp/Triad%20Bank:").contains("secret=" + secret);
        screenshot(phone, "login-totp-enrol");
        totpKey = base32(secret);
        type(phone, By.id("totp:code"), totp(totpKey, 0));
        click(phone, By.id("totp:confirm"));
        WebElement codes = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
        recoveryCode = codes.findElements(By.tagName("li")).get(0).getText().trim();
        assertThat(phone.findElement(By.id("totp-state")).getText()).contains("On");
        screenshot(phone, "login-totp-recovery-codes");

        signOut(phone);
        open(phone, "/signin.xhtml?lang=en");
        signInWithPassword(phone);
        // the right password alone is not enough: the second step asks for the app's code
        wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa:secondCode")));
        assertThat(phone.findElements(By.id("shell:signout"))).isEmpty();
        type(phone, By.id("mfa:secondCode"), "000000".equals(totp(totpKey, 1)) ? "111111" : "000000");
        click(phone, By.id("mfa:verify"));
        WebElement refused = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa:messages")));
        assertThat(refused.getText()).contains("wrong");
        screenshot(phone, "login-totp-wrong-code");
        type(phone, By.id("mfa:secondCode"), totp(totpKey, 1));
        click(phone, By.id("mfa:verify"));
        wait(phone).until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(phone.findElements(By.id("shell:signout"))).isNotEmpty();
        screenshot(phone, "login-totp-signed-in");
    }

    @Test
    @Order(2)
    void aSignedInPhoneConfirmsTheQrCodeShownOnAComputerWhichIsSignedIn() throws Exception {
        open(computer, "/signin.xhtml?method=qr&lang=en");
        WebElement qr = wait(computer).until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-image")));
        wait(computer).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String url = decodeQr(qr);
        assertThat(url).matches("https://localhost:9443/bank/qr/[A-Za-z0-9_-]{43}");
        screenshot(computer, "login-qr-shown");

        // the phone (signed in by the first test) opens the URL from the QR code
        phone.get(url);
        wait(phone).until(ExpectedConditions.urlContains("/portal/qr-confirm.xhtml"));
        WebElement browser = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("browser")));
        assertThat(browser.getText()).contains("LoginMethodsUiIT-computer");
        assertThat(phone.findElement(By.id("address")).getText()).isNotBlank();
        wait(computer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("qr-status"), "Opened on a phone"));
        screenshot(phone, "login-qr-confirm");
        click(phone, By.id("qrConfirm:confirm"));
        wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("growl_container")));
        screenshot(phone, "login-qr-confirmed");

        // the computer's page notices within its polling interval and is signed in as the phone's customer
        wait(computer).until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(computer.findElement(By.id("signed-in-as")).getText()).contains("Tom");
        screenshot(computer, "login-qr-signed-in");

        // the same URL cannot be used again
        phone.get(url);
        WebElement refusedScene = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("qrConfirm:refused")));
        assertThat(refusedScene.getText()).contains("used");
    }

    @Test
    @Order(3)
    void theComputerSignsInWithAnEmailCodeAndARecoveryCode() {
        signOut(computer);
        open(computer, "/signin.xhtml?method=code&lang=en");
        type(computer, By.id("codeSignin:email"), email);
        click(computer, By.id("codeSignin:send"));
        wait(computer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("codeSignin:messages"),
                "Code sent"));
        type(computer, By.id("codeSignin:code"), code(email, "sign-in code"));
        screenshot(computer, "login-email-code");
        click(computer, By.id("codeSignin:submit"));
        // the authenticator is asked for after an email code too; a recovery code does
        type(computer, By.id("mfa:secondCode"), recoveryCode);
        click(computer, By.id("mfa:verify"));
        wait(computer).until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(computer.findElement(By.id("signed-in-as")).getText()).contains("Tom");
        open(computer, "/portal/security.xhtml");
        assertThat(wait(computer).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-left")))
                .getText()).contains("9");
        screenshot(computer, "login-security-active");

        // turning it off needs a code or the password: a wrong one changes nothing
        type(computer, By.id("disable:proof"), "not-the-password");
        click(computer, By.id("disable:disable"));
        wait(computer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("disable:messages"), "wrong"));
        assertThat(computer.findElement(By.id("totp-state")).getText()).contains("On");
        type(computer, By.id("disable:proof"), PASSWORD);
        click(computer, By.id("disable:disable"));
        wait(computer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("totp-state"), "Off"));
        assertThat(computer.findElements(By.id("disable:proof"))).isEmpty();
        screenshot(computer, "login-security-off");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static WebDriverWait wait(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
    }

    private static void registerActivatedCustomer(String nickname, String address) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"" + nickname + "\",\"email\":\"" + address + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"123456\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + address + "\",\"code\":\"" + code(address, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    private static void signInWithPassword(WebDriver driver) {
        type(driver, By.id("signin:username"), email);
        type(driver, By.id("signin:password"), PASSWORD);
        click(driver, By.id("signin:submit"));
    }

    private static void signOut(WebDriver driver) {
        open(driver, "/index.xhtml");
        click(driver, By.id("shell:signout"));
        wait(driver).until(ExpectedConditions.urlContains("signedOut=true"));
    }

    /** Reads the QR code in an image on the page, as a phone's camera would. */
    private static String decodeQr(WebElement image) throws Exception {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(image.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels)))).getText();
    }

    private static void open(WebDriver driver, String path) {
        driver.get(TriadHttp.baseUrl("bank") + path);
    }

    private static void type(WebDriver driver, By by, String text) {
        WebElement field = wait(driver).until(ExpectedConditions.elementToBeClickable(by));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(WebDriver driver, By by) {
        wait(driver).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) computed here: the code of now + offset steps. */
    private static String totp(byte[] key, int offsetSteps) throws Exception {
        long step = Instant.now().getEpochSecond() / 30 + offsetSteps;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        List<Byte> out = new ArrayList<>();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.add((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }

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
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
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
}
