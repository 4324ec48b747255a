package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The shop in headless Chromium with the real bank: a customer signs in with the bank (the bank's sign-in and
 * consent pages), sees the account page, asks the bank for {@code cards:read}; the bank ends the customer's devices
 * and the shop session is gone within a second; the shop admin signs in locally and opens the review queue; "sign out
 * of shop and bank" ends the bank's browser session too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopUiIT {

    private static final String PASSWORD = "shop-ui-test-passphrase";
    /** A fresh bank customer: nothing consented yet, no other test's sessions touched. */
    private static final String CUSTOMER = "shop-ui-" + java.util.UUID.randomUUID() + "@example.com";
    private static MailCodes mail;
    private static Browser ui;
    private static BankUi bank;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui, "failed-shop-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"Shopper 顾客\",\"email\":\"" + CUSTOMER + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"123456\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + CUSTOMER + "\",\"code\":\"" + mail.code(CUSTOMER, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        ui = Browser.start(1280, 900);
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

    private static void signInWithTheBank() {
        ui.open("shop", "/index.xhtml?lang=en");
        ui.click(By.id("shell:signin"));
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
        ui.click(By.id("with-bank"));
        wait.until(ExpectedConditions.urlContains("/bank/signin.xhtml"));
        bank.signIn(CUSTOMER, PASSWORD);
        approveConsentIfAsked("/shop/");
    }

    private static void firstSignInWithTheBank() {
        ui.open("shop", "/index.xhtml?lang=en");
        ui.click(By.id("shell:signin"));
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
        ui.screenshot("shop-signin-en");
        ui.click(By.id("with-bank"));
        wait.until(ExpectedConditions.urlContains("/bank/signin.xhtml"));
        bank.signIn(CUSTOMER, PASSWORD);
        approveConsent("/shop/");
    }

    /** The first sign-in of a customer: the bank shows its consent page for the shop. */
    private static void approveConsent(String landing) {
        wait.until(ExpectedConditions.urlContains("/oauth2/consent.xhtml"));
        assertThat(browser.findElement(By.id("consent-panel")).getText()).contains("Triad Shop");
        ui.screenshot("shop-bank-consent");
        ui.click(By.id("consent:approve"));
        wait.until(ExpectedConditions.urlContains(landing));
    }

    private static void approveConsentIfAsked(String landing) {
        wait.until(d -> d.getCurrentUrl().contains("/oauth2/consent.xhtml") || d.getCurrentUrl().contains(landing));
        if (browser.getCurrentUrl().contains("/oauth2/consent.xhtml")) {
            assertThat(browser.findElement(By.id("consent-panel")).getText()).contains("Triad Shop");
            ui.screenshot("shop-bank-consent");
            ui.click(By.id("consent:approve"));
        }
        wait.until(ExpectedConditions.urlContains(landing));
    }

    @Test
    @Order(1)
    void aCustomerSignsInWithTheBankAndTheBankCanEndTheShopSession() {
        firstSignInWithTheBank();
        WebDriver d = browser;
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
        ui.screenshot("shop-home-signed-in-en");
        ui.click(By.id("shell:signed-in-as"));
        wait.until(ExpectedConditions.urlContains("/account/index.xhtml"));
        assertThat(d.findElement(By.id("profile")).getText()).contains("Signed in with Triad Bank").contains("Buyer")
                .contains("Shopper 顾客");
        ui.screenshot("shop-account-en");

        // "bind bank card": the bank asks for consent to cards:read, then the shop shows the cards it may bind
        ui.click(By.id("bind"));
        approveConsent("/shop/account/bind-card.xhtml");
        assertThat(d.findElement(By.id("bind-panel")).getText()).contains("Bind a bank card");
        ui.screenshot("shop-bind-card-en");

        // the customer signs out all devices at the bank: the shop's session is over within a second
        String basic = "Basic " + Base64.getEncoder().encodeToString((CUSTOMER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var out = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/me/devices/sign-out-others"), "application/json", "",
                "Authorization", basic);
        assertThat(out.statusCode()).isEqualTo(200);
        long revoked = System.nanoTime();
        // the browser's shop session, asked over HTTP until it is refused (no page rendering in the measurement)
        String session = "JSESSIONID=" + d.manage().getCookieNamed("JSESSIONID").getValue();
        long millis;
        while (true) {
            var page = TriadHttp.get(TriadHttp.uri("shop", "/account/index.xhtml"), "Cookie", session);
            millis = (System.nanoTime() - revoked) / 1_000_000;
            if (page.statusCode() == 302) {
                assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                        v -> assertThat(v).contains("/shop/signin.xhtml"));
                break;
            }
            assertThat(millis).as("shop session still open after the bank's sign-out").isLessThan(1000);
        }
        assertThat(millis).as("shop session ended after the bank's sign-out").isLessThan(1000);
        ui.open("shop", "/account/index.xhtml");
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
        ui.open("shop", "/index.xhtml");
        assertThat(d.findElements(By.id("shell:signed-in-as"))).isEmpty();
    }

    @Test
    @Order(2)
    void theShopAdminSignsInLocallyAndSeesTheReviewQueueInChinese() {
        // the catalogue's search page in Chinese, also at a phone's width
        ui.open("shop", "/search.xhtml?q=" + java.net.URLEncoder.encode("茶", StandardCharsets.UTF_8) + "&lang=zh-CN");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        assertThat(browser.findElement(By.id("hits")).getText()).contains("找到商品");
        ui.screenshot("shop-search-zh");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        ui.open("shop", "/index.xhtml");
        ui.screenshot("shop-home-phone-zh");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        ui.open("shop", "/signin.xhtml?lang=zh-CN");
        assertThat(browser.findElement(By.id("with-bank")).getText()).contains("使用 Triad 银行登录");
        ui.screenshot("shop-signin-zh");
        ui.type(By.id("local:login"), "shop-admin");
        ui.type(By.id("local:password"), "wrong-password-123");
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("local:password-message"), "账户名或密码错误"));
        ui.type(By.id("local:login"), "shop-admin");
        ui.type(By.id("local:password"), PASSWORD);
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
        ui.click(By.cssSelector("#shell\\:menu a[href*='/admin/review']"));
        wait.until(ExpectedConditions.urlContains("/admin/review.xhtml"));
        assertThat(browser.findElement(By.id("review")).getText()).contains("审核队列");
        ui.screenshot("shop-review-zh");
        ui.click(By.id("shell:signout"));
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
        ui.open("shop", "/admin/review.xhtml");
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
    }

    @Test
    @Order(3)
    void signingOutOfShopAndBankEndsTheBankSessionToo() {
        signInWithTheBank();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signout-all")));
        ui.click(By.id("shell:signout-all"));
        // the bank's RP-initiated logout comes back to the shop's home
        wait.until(d -> d.getCurrentUrl().startsWith(TriadHttp.baseUrl("shop") + "/"));
        assertThat(browser.findElements(By.id("shell:signed-in-as"))).isEmpty();
        bank.open("/portal/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/bank/signin.xhtml"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/bank/signin.xhtml");
    }

    @Test
    @Order(4)
    void aBuyerRegistersAShopAccountActivatesItWithTheMailedCodeAndSignsIn() {
        String email = "shop-local-" + java.util.UUID.randomUUID() + "@example.com";
        ui.open("shop", "/signin.xhtml?lang=en");
        ui.click(By.id("register"));
        wait.until(ExpectedConditions.urlContains("/shop/register.xhtml"));
        ui.type(By.id("register:nickname"), "Local buyer");
        ui.type(By.id("register:email"), email);
        ui.type(By.id("register:password"), "short");
        ui.click(By.id("register:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register:password-message"),
                "at least 12"));
        ui.type(By.id("register:password"), PASSWORD);
        ui.click(By.id("register:submit"));
        wait.until(ExpectedConditions.urlContains("/shop/activate.xhtml"));
        ui.screenshot("shop-activate-en");
        ui.type(By.id("activate:code"), mail.code(email, "activation"));
        ui.click(By.id("activate:submit"));
        wait.until(ExpectedConditions.urlContains("activated=true"));
        ui.type(By.id("local:login"), email);
        ui.type(By.id("local:password"), PASSWORD);
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
        assertThat(browser.findElement(By.id("shell:signed-in-as")).getText()).contains("Local buyer");
        ui.click(By.id("shell:signout"));
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
    }
}
