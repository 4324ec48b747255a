package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
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

    private static final String PASSWORD = "triad-dev-pass";

    private static Browser phone;
    private static Browser computer;
    private static MailCodes mail;
    private static String email;
    private static byte[] totpKey;
    private static String recoveryCode;

    @RegisterExtension
    static final AfterTestExecutionCallback PHONE_SCREENSHOT_ON_FAILURE =
            Browser.screenshotOnFailure(() -> phone, "failed-phone-");

    @RegisterExtension
    static final AfterTestExecutionCallback COMPUTER_SCREENSHOT_ON_FAILURE =
            Browser.screenshotOnFailure(() -> computer, "failed-computer-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        phone = browser("LoginMethodsUiIT-phone");
        computer = browser("LoginMethodsUiIT-computer");
    }

    private static Browser browser(String userAgentSuffix) {
        return Browser.start(1200, 1000, "--user-agent=Mozilla/5.0 (X11; Linux x86_64) Chrome/120 " + userAgentSuffix);
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

        phone.open("bank", "/signin.xhtml?lang=en");
        signInWithPassword(phone);
        phone.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        phone.open("bank", "/portal/security.xhtml");
        phone.click(By.id("totp:start"));
        String secret = phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        WebElement qr = phone.driver().findElement(By.id("totp-qr"));
        phone.waits().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        assertThat(decodeQr(qr)).startsWith("otpauth://totp/Triad%20Bank:").contains("secret=" + secret);
        phone.screenshot("login-totp-enrol");
        totpKey = base32(secret);
        phone.type(By.id("totp:code"), totp(totpKey, 0));
        phone.click(By.id("totp:confirm"));
        WebElement codes = phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
        recoveryCode = codes.findElements(By.tagName("li")).get(0).getText().trim();
        assertThat(phone.driver().findElement(By.id("totp-state")).getText()).contains("On");
        phone.screenshot("login-totp-recovery-codes");

        signOut(phone);
        phone.open("bank", "/signin.xhtml?lang=en");
        signInWithPassword(phone);
        // the right password alone is not enough: the second step asks for the app's code
        phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa:secondCode")));
        assertThat(phone.driver().findElements(By.id("shell:signout"))).isEmpty();
        phone.type(By.id("mfa:secondCode"), "000000".equals(totp(totpKey, 1)) ? "111111" : "000000");
        phone.click(By.id("mfa:verify"));
        WebElement refused = phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa:messages")));
        assertThat(refused.getText()).contains("wrong");
        phone.screenshot("login-totp-wrong-code");
        phone.type(By.id("mfa:secondCode"), totp(totpKey, 1));
        phone.click(By.id("mfa:verify"));
        phone.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(phone.driver().findElements(By.id("shell:signout"))).isNotEmpty();
        phone.screenshot("login-totp-signed-in");
    }

    @Test
    @Order(2)
    void aSignedInPhoneConfirmsTheQrCodeShownOnAComputerWhichIsSignedIn() throws Exception {
        computer.open("bank", "/signin.xhtml?method=qr&lang=en");
        WebElement qr = computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-image")));
        computer.waits().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String url = decodeQr(qr);
        assertThat(url).matches("https://localhost:9443/bank/qr/[A-Za-z0-9_-]{43}");
        computer.screenshot("login-qr-shown");

        // the phone (signed in by the first test) opens the URL from the QR code
        phone.driver().get(url);
        phone.waits().until(ExpectedConditions.urlContains("/portal/qr-confirm.xhtml"));
        WebElement browser = phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("browser")));
        assertThat(browser.getText()).contains("LoginMethodsUiIT-computer");
        assertThat(phone.driver().findElement(By.id("address")).getText()).isNotBlank();
        computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("qr-status"), "Opened on a phone"));
        phone.screenshot("login-qr-confirm");
        phone.click(By.id("qrConfirm:confirm"));
        phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='qrConfirm:messages'] .ui-messages-info")));
        phone.screenshot("login-qr-confirmed");

        // the computer's page notices within its polling interval and is signed in as the phone's customer
        computer.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(computer.driver().findElement(By.id("signed-in-as")).getText()).contains("Tom");
        computer.screenshot("login-qr-signed-in");

        // the same URL cannot be used again
        phone.driver().get(url);
        WebElement refusedScene = phone.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("qrConfirm:refused")));
        assertThat(refusedScene.getText()).contains("used");
    }

    @Test
    @Order(3)
    void theComputerSignsInWithAnEmailCodeAndARecoveryCode() {
        signOut(computer);
        computer.open("bank", "/signin.xhtml?method=code&lang=en");
        computer.type(By.id("codeSignin:email"), email);
        computer.click(By.id("codeSignin:send"));
        computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("codeSignin:messages"),
                "Code sent"));
        computer.type(By.id("codeSignin:code"), mail.code(email, "sign-in code"));
        computer.screenshot("login-email-code");
        computer.click(By.id("codeSignin:submit"));
        // the authenticator is asked for after an email code too; a recovery code does
        computer.type(By.id("mfa:secondCode"), recoveryCode);
        computer.click(By.id("mfa:verify"));
        computer.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        assertThat(computer.driver().findElement(By.id("signed-in-as")).getText()).contains("Tom");
        computer.open("bank", "/portal/security.xhtml");
        assertThat(computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-left")))
                .getText()).contains("9");
        computer.screenshot("login-security-active");

        // turning it off needs a code or the password: a wrong one changes nothing
        computer.type(By.id("disable:proof"), "not-the-password");
        computer.click(By.id("disable:disable"));
        computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("disable:messages"), "wrong"));
        assertThat(computer.driver().findElement(By.id("totp-state")).getText()).contains("On");
        computer.type(By.id("disable:proof"), PASSWORD);
        computer.click(By.id("disable:disable"));
        computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("totp-state"), "Off"));
        assertThat(computer.driver().findElements(By.id("disable:proof"))).isEmpty();
        computer.screenshot("login-security-off");
    }

    @Test
    @Order(4)
    void aPasskeyAddedOnTheSecurityPageSignsInWithoutAPasswordAndNoLongerOnceRemoved() throws Exception {
        // the computer's platform authenticator (Chromium's virtual authenticator: resident keys, user verification)
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) computer.driver()).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true));
        try {
            computer.open("bank", "/portal/security.xhtml?lang=en");
            // no name: refused before the browser is asked, nothing created
            computer.click(By.id("passkeys:add"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:messages"),
                    "1 to 64"));
            assertThat(authenticator.getCredentials()).isEmpty();

            computer.type(By.id("passkeys:name"), "Test laptop");
            computer.click(By.id("passkeys:add"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:messages"),
                    "Passkey added"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:list"),
                    "Test laptop"));
            assertThat(authenticator.getCredentials()).singleElement()
                    .satisfies(c -> assertThat(c.isResidentCredential()).isTrue());
            computer.screenshot("login-passkey-added");
            // the same authenticator again: the browser refuses (excluded credential), the page says so
            computer.type(By.id("passkeys:name"), "Same laptop");
            computer.click(By.id("passkeys:add"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:messages"),
                    "did not create"));
            assertThat(computer.driver().findElement(By.id("passkeys:list")).getText()).doesNotContain("Same laptop");
            assertThat(authenticator.getCredentials()).hasSize(1);

            // signed out, the passkey alone signs in (no password, no second step)
            signOut(computer);
            computer.open("bank", "/signin.xhtml?lang=en");
            computer.click(By.id("passkeySignin:passkey"));
            computer.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
            assertThat(computer.driver().findElement(By.id("signed-in-as")).getText()).contains("Tom");
            computer.screenshot("login-passkey-signed-in");
            computer.open("bank", "/portal/security.xhtml");
            assertThat(computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("passkeys:list")))
                    .getText()).contains("Test laptop").contains(java.time.Year.now().toString());

            // with an authenticator app on, the passkey also stands in for its code after the password
            computer.click(By.id("totp:start"));
            String secret = computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret")))
                    .getText();
            computer.type(By.id("totp:code"), totp(base32(secret), 0));
            computer.click(By.id("totp:confirm"));
            computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
            signOut(computer);
            computer.open("bank", "/signin.xhtml?lang=en");
            signInWithPassword(computer);
            computer.waits().until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa:secondCode")));
            assertThat(computer.driver().findElement(By.id("passkeySignin")).getText()).contains("No code at hand?");
            computer.screenshot("login-passkey-second-step");
            computer.click(By.id("passkeySignin:passkey"));
            computer.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
            assertThat(computer.driver().findElement(By.id("signed-in-as")).getText()).contains("Tom");
            computer.open("bank", "/portal/security.xhtml");
            computer.type(By.id("disable:proof"), PASSWORD);
            computer.click(By.id("disable:disable"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("totp-state"), "Off"));

            // the authenticator refuses user verification: not signed in
            signOut(computer);
            authenticator.setUserVerified(false);
            computer.open("bank", "/signin.xhtml?lang=en");
            computer.click(By.id("passkeySignin:passkey"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeySignin:messages"),
                    "did not create or use"));
            assertThat(computer.driver().findElements(By.id("shell:signout"))).isEmpty();
            authenticator.setUserVerified(true);

            // removed at the bank: the authenticator still offers it, the bank no longer accepts it
            computer.open("bank", "/signin.xhtml?lang=en");
            signInWithPassword(computer);
            computer.waits().until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
            computer.open("bank", "/portal/security.xhtml");
            computer.click(By.cssSelector("[id='passkeys:list'] button[id$=':remove']"));
            computer.click(By.id("passkeys:confirm-yes"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:messages"),
                    "Passkey removed"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeys:list"),
                    "No passkey yet"));
            signOut(computer);
            computer.open("bank", "/signin.xhtml?lang=en");
            computer.click(By.id("passkeySignin:passkey"));
            computer.waits().until(ExpectedConditions.textToBePresentInElementLocated(By.id("passkeySignin:messages"),
                    "not accepted"));
            assertThat(computer.driver().findElements(By.id("shell:signout"))).isEmpty();
            computer.screenshot("login-passkey-refused");
        } finally {
            ((HasVirtualAuthenticator) computer.driver()).removeVirtualAuthenticator(authenticator);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void registerActivatedCustomer(String nickname, String address) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"" + nickname + "\",\"email\":\"" + address + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"123456\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + address + "\",\"code\":\"" + mail.code(address, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    private static void signInWithPassword(Browser browser) {
        new BankUi(browser).signIn(email, PASSWORD);
    }

    private static void signOut(Browser browser) {
        new BankUi(browser).signOut();
    }

    /** Reads the QR code in an image on the page, as a phone's camera would. */
    private static String decodeQr(WebElement image) throws Exception {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(image.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels)))).getText();
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
}
