package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The shop's pages in a {@link Browser}, with what the shop's browser tests share: fresh bank customers made over the
 * bank's API, signing in with the bank (its sign-in and consent pages) or as the local shop admin, signing out and
 * forgetting every cookie, field messages, texts, languages and the guide's screenshots.
 */
final class ShopUi {

    static final String ADMIN_PASSWORD = "triad-dev-pass";
    private static final Path DOC_IMAGES = Path.of(System.getProperty("triad.docs.images", "../docs/images"));

    private final Browser ui;
    private final BankUi bank;
    /** The seeded category the tests put items in. */
    static final long TEA_WARE = 7;

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final MailCodes mail;
    private final String password;
    private boolean adminTriedAWrongPassword;

    ShopUi(Browser ui, MailCodes mail, String password) {
        this.ui = ui;
        this.bank = new BankUi(ui);
        this.browser = ui.driver();
        this.wait = ui.waits();
        this.mail = mail;
        this.password = password;
    }

    BankUi bank() {
        return bank;
    }

    // --- bank customers over the bank's API ------------------------------------------------------------------------

    /** A bank customer registered and activated with the mailed code; answers the customer id. */
    long registerCustomer(String email, String nickname) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                Json.createObjectBuilder().add("nickname", nickname).add("email", email).add("password", password)
                        .add("payPassword", "123456").build().toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + email + "\",\"code\":\"" + mail.code(email, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return TriadHttp.json(registered).getJsonNumber("id").longValue();
    }

    /** The clerk approves the customer's KYC; the customer applies for a card and activates it: its JSON. */
    JsonObject approveWithActiveCard(long customer, String email) {
        var approved = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/clerk/customers/" + customer + "/kyc"),
                "application/json", "{\"decision\":\"APPROVE\"}", "Authorization", basic("clerk", ADMIN_PASSWORD));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        var applied = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/cards"), "application/json", "",
                "Authorization", basic(email, password));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonObject card = TriadHttp.json(applied);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/cards/" + card.getJsonNumber("id") + "/activation"),
                "application/json", "{\"code\":\"" + mail.code(email, "activate your card") + "\"}",
                "Authorization", basic(email, password));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return card;
    }

    /** The balance of the customer's first card, as the bank's API tells its owner. */
    static BigDecimal balance(String email, String password) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization",
                basic(email, password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readArray().getJsonObject(0)
                .getJsonNumber("balance").bigDecimalValue();
    }

    /** A bank access token of the customer (first-party sign-in), which the shop's REST API accepts. */
    static String accessToken(String email, String password) {
        var r = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/auth/login"), "application/json",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getString("access_token");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bank customer, signed in to the shop with the bank, becomes a seller: binds their card for payouts through the
     * bank's consent and accepts the seller terms; signed out after.
     */
    void becomeSeller(String email) {
        signInWithTheBank(email);
        ui.open("shop", "/account/index.xhtml?lang=en");
        ui.click(By.id("bind"));
        approveConsent("/shop/account/bind-card.xhtml", "See your cards");
        ui.click(By.id("bind:submit"));
        wait.until(ExpectedConditions.urlContains("bound=true"));
        ui.click(By.cssSelector("[id='seller:terms'] .ui-chkbox-box"));
        ui.click(By.id("seller:submit"));
        wait.until(ExpectedConditions.urlContains("/seller/items.xhtml"));
        assertThat(text("welcome")).contains("you are a seller now");
        signOutAndForgetTheBrowser();
    }

    /** A seller's new item (category tea ware), submitted for review over the shop's API: its id. */
    static long offerItem(String sellerToken, String title, String price, int stock) {
        var created = TriadHttp.post(TriadHttp.uri("shop", "/api/v1/seller/items"), "application/json",
                Json.createObjectBuilder().add("title", title).add("description", "From the system tests.")
                        .add("categoryId", TEA_WARE).add("price", price).add("stock", stock).build().toString(),
                "Authorization", "Bearer " + sellerToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long itemId = TriadHttp.json(created).getJsonNumber("id").longValue();
        var submitted = TriadHttp.post(TriadHttp.uri("shop", "/api/v1/seller/items/" + itemId + "/submit"),
                "application/json", "", "Authorization", "Bearer " + sellerToken);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        return itemId;
    }

    /** On the bank's cashier page: the mailed code and the pay password, until the payment says Paid. */
    void payAtTheCashier(String email, String payPassword) {
        ui.click(By.id("pay:send-code"));
        String code = mail.code(email, "confirm your payment");
        ui.type(By.id("pay:payPassword"), payPassword);
        ui.type(By.id("pay:code"), code);
        ui.click(By.id("pay:submit"));
        wait.until(ExpectedConditions.textToBe(By.id("pay:status"), "Paid"));
    }

    // --- signing in and out ----------------------------------------------------------------------------------------

    /**
     * Shop sign-in page → the bank's sign-in page → its consent page when the bank asks (a customer's first time) →
     * back in the shop.
     */
    void signInWithTheBank(String email) {
        ui.open("shop", "/index.xhtml?lang=en");
        ui.click(By.id("shell:signin"));
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
        ui.click(By.id("with-bank"));
        wait.until(ExpectedConditions.urlContains("/bank/signin.xhtml"));
        bank.signIn(email, password);
        wait.until(d -> d.getCurrentUrl().contains("/oauth2/consent.xhtml")
                || d.getCurrentUrl().startsWith(TriadHttp.baseUrl("shop")));
        if (browser.getCurrentUrl().contains("/oauth2/consent.xhtml")) {
            approveConsent("/shop/", "Your name");
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
    }

    /** The bank's consent page for the shop, naming the scope asked for; approved. */
    void approveConsent(String landing, String scope) {
        wait.until(ExpectedConditions.urlContains("/oauth2/consent.xhtml"));
        assertThat(text("consent-panel")).contains("Triad Shop").contains(scope);
        ui.screenshot("shop-bank-consent-" + (landing.contains("bind-card") ? "cards" : "signin"));
        ui.click(By.id("consent:approve"));
        wait.until(ExpectedConditions.urlContains(landing));
    }

    /**
     * The local shop admin signs in; the first time, a wrong password is refused at its field on the Chinese page.
     */
    void signInAsShopAdmin() {
        if (!adminTriedAWrongPassword) {
            ui.open("shop", "/signin.xhtml?lang=zh-CN");
            assertThat(browser.findElement(By.id("with-bank")).getText()).contains("使用 Triad 银行登录");
            ui.type(By.id("local:login"), "shop-admin");
            ui.type(By.id("local:password"), "wrong-password-123");
            ui.click(By.id("local:submit"));
            fieldSays("local:password-message", "账户名或密码错误");
            ui.screenshot("shop-signin-zh");
            adminTriedAWrongPassword = true;
        }
        ui.open("shop", "/signin.xhtml?lang=en");
        ui.type(By.id("local:login"), "shop-admin");
        ui.type(By.id("local:password"), ADMIN_PASSWORD);
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
    }

    /** Signs out of the shop, then drops every cookie (the bank's too) so that the next user starts afresh. */
    void signOutAndForgetTheBrowser() {
        ui.click(By.id("shell:signout"));
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
        forgetTheBrowser();
    }

    void forgetTheBrowser() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    // --- reading pages ---------------------------------------------------------------------------------------------

    /** The review queue's card of the item with this title. */
    WebElement reviewCard(String title) {
        return wait.until(d -> d.findElements(By.cssSelector(".review-item")).stream()
                .filter(card -> card.getText().contains(title)).findFirst().orElse(null));
    }

    /**
     * Approves the item in the review queue that is open: the card is found again if the queue re-rendered under the
     * click (a click on a node that left the document fails in Chromium), then the queue says so and the card is gone.
     */
    void approveInReviewQueue(String title) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement approve = reviewCard(title).findElement(By.cssSelector("button[id$=':approve']"));
                wait.until(ExpectedConditions.elementToBeClickable(approve)).click();
                wait.until(ExpectedConditions.stalenessOf(approve));
                break;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || e instanceof org.openqa.selenium.TimeoutException) {
                    throw e;
                }
            }
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue:messages"),
                "Approved: the item is on sale."));
        wait.until(d -> d.findElements(By.cssSelector(".review-item")).stream()
                .noneMatch(card -> card.getText().contains(title)));
    }

    void fieldSays(String messageId, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(messageId), text));
    }

    String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    String inputValue(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    void openWithLanguage(String path, String language) {
        ui.open("shop", path + (path.contains("?") ? "&" : "?") + "lang=" + language);
        wait.until(d -> language.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.lang")));
    }

    /**
     * A screenshot of the whole page (the window grows to the page's height, at most 2,400 px) for the guide: into
     * {@code target/screenshots/} and into {@code docs/images/} when that folder is there.
     */
    void docScreenshot(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(before.getWidth(),
                (int) Math.min(2400, Math.max(before.getHeight(), height + 140))));
        try {
            ui.screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
        if (Files.isDirectory(DOC_IMAGES)) {
            try {
                Files.copy(Browser.SCREENSHOTS.resolve(name + ".png"), DOC_IMAGES.resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
