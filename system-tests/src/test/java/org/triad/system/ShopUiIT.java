package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * The shop in headless Chromium with the real bank, CA and shop of {@code ./triad start}.
 * <ol>
 * <li>A fresh bank customer (registered, KYC-approved by the clerk and given an active card over the bank's API) signs
 * in to the shop with the bank (the bank's sign-in and consent pages), binds the card as payout card through the
 * bank's {@code cards:read} consent, is refused as a seller without accepting the terms, accepts them; in the seller
 * centre a blank title and bad prices (0, 3 decimals, not a number) and a negative stock are refused next to their
 * fields with nothing stored; three items are saved, an HTML file named {@code .jpg} is refused next to the upload
 * field, real PNG and JPEG images are added, the items are submitted.</li>
 * <li>The local {@code shop-admin} approves them in the review queue.</li>
 * <li>A second fresh customer signs in with the bank, cannot become a seller without a payout card, and finds the teapot by the Chinese word of its title and by
 * English words (stemmed), not the other items; the facets count the three items by category, price and stock and
 * narrow the search; the item page shows price, stock and both images, served re-encoded as JPEG (600 px medium)
 * without EXIF.</li>
 * <li>The shop admin adds a category in English and Chinese (a bad slug refused at its field), renames it (a blank
 * name refused in its row, nothing changed), bans the seller (no reason: refused) — the teapot is no longer found —
 * and lifts the ban — it is found again.</li>
 * <li>The bank signs the seller out of all devices: the shop session is gone within a second; "sign out of shop and
 * bank" ends the bank's browser session too.</li>
 * </ol>
 * Screenshots of the shop's screens in English and Chinese go to {@code target/screenshots/} and, when the module
 * runs inside the repository, to {@code docs/images/shop-*.png} (the guide, docs/shop.md, shows them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopUiIT {

    private static final String PASSWORD = "shop-ui-test-passphrase";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** This run's words: the test's items are found by them and by nothing another run left in the database. */
    private static final String RUN = word("abcdefghijklmnopqrstuvwxyz", 7);
    private static final String HAN = word("梅兰竹菊松鹤云霞岚峰溪", 3);
    private static final String SELLER = "shop-seller-" + RUN + "@example.com";
    private static final String SELLER_NAME = "Tea House 茶舍 " + RUN;
    private static final String BUYER = "shop-buyer-" + RUN + "@example.com";
    private static final String TEAPOT_ZH = HAN + "紫砂壶";
    private static final String TEAPOT = TEAPOT_ZH + " Yixing clay teapot " + RUN;
    private static final String BOOK = HAN + "茶经 The Classic of Tea " + RUN;
    private static final String CUPS = HAN + "青瓷茶杯 Celadon tea cups " + RUN;
    private static final String GIFTS = "Tea gifts " + RUN;
    private static final String GIFTS_ZH = "茶礼 " + HAN;

    private static MailCodes mail;
    private static Browser ui;
    private static BankUi bank;
    private static ShopUi shop;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String sellerCardMasked;
    private static String sellerCardNumber;
    private static String teapotId;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui, "failed-shop-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        ui = Browser.start(1280, 900);
        shop = new ShopUi(ui, mail, PASSWORD);
        long seller = shop.registerCustomer(SELLER, SELLER_NAME);
        shop.registerCustomer(BUYER, "Buyer 买家 " + RUN);
        // the seller has an approved KYC and one active card at the bank
        JsonObject card = shop.approveWithActiveCard(seller, SELLER);
        sellerCardNumber = card.getString("number");
        sellerCardMasked = card.getString("maskedNumber");

        bank = shop.bank();
        browser = ui.driver();
        wait = ui.waits();
    }

    /** Each step starts in a browser without cookies: no shop or bank session of the step before. */
    @BeforeEach
    void forgetEverySession() {
        ui.open("shop", "/api/v1/health");
        shop.forgetTheBrowser();
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
    @Order(1)
    void aCustomerSignsInWithTheBankBindsAPayoutCardAndBecomesASeller() {
        shop.signInWithTheBank(SELLER);
        ui.click(By.id("shell:signed-in-as"));
        wait.until(ExpectedConditions.urlContains("/account/index.xhtml"));
        assertThat(shop.text("profile")).contains(SELLER_NAME).contains("Signed in with Triad Bank").contains("Buyer")
                .doesNotContain("Seller");
        assertThat(shop.text("no-cards")).contains("No card bound yet");

        // "bind bank card": the bank asks for consent to cards:read, the shop lists the card masked
        ui.click(By.id("bind"));
        shop.approveConsent("/shop/account/bind-card.xhtml", "See your cards");
        String listed = shop.text("bind-panel");
        assertThat(listed).contains(sellerCardMasked).doesNotContain(sellerCardNumber);
        shop.docScreenshot("shop-bind-card-en");
        shop.openWithLanguage("/account/bind-card.xhtml", "zh-CN");
        assertThat(shop.text("bind-panel")).contains("绑定银行卡").contains(sellerCardMasked);
        shop.docScreenshot("shop-bind-card-zh");
        shop.openWithLanguage("/account/bind-card.xhtml", "en");
        ui.click(By.id("bind:submit"));
        wait.until(ExpectedConditions.urlContains("bound=true"));
        assertThat(shop.text("cards")).contains("Payouts (seller)").contains(sellerCardMasked);
        assertThat(browser.getPageSource()).doesNotContain(sellerCardNumber);

        // the seller terms must be accepted
        ui.click(By.id("seller:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("seller:terms-message"),
                "accept the seller terms"));
        assertThat(shop.text("roles")).doesNotContain("Seller");
        shop.docScreenshot("shop-account-en");
        shop.openWithLanguage("/account/index.xhtml", "zh-CN");
        assertThat(shop.text("cards")).contains("收款").contains(sellerCardMasked);
        shop.docScreenshot("shop-account-zh");
        shop.openWithLanguage("/account/index.xhtml", "en");
        ui.click(By.cssSelector("[id='seller:terms'] .ui-chkbox-box"));
        ui.click(By.id("seller:submit"));
        wait.until(ExpectedConditions.urlContains("/seller/items.xhtml"));
        assertThat(shop.text("welcome")).contains("you are a seller now");
        assertThat(shop.text("seller-items")).contains("No items yet");
    }

    @Test
    @Order(2)
    void theShopAdminAddsACategoryInEnglishAndChinese() {
        shop.signInAsShopAdmin();
        ui.click(By.cssSelector("[id='shell:menu'] a[href*='/admin/shop']"));
        wait.until(ExpectedConditions.urlContains("/admin/shop.xhtml"));

        // a bad slug is refused at its field, then the category is added in both languages
        ui.choose("category:parent", "Home and kitchen");
        ui.type(By.id("category:slug"), "Tea Gifts!");
        ui.type(By.id("category:nameEn"), GIFTS);
        ui.type(By.id("category:nameZh"), GIFTS_ZH);
        ui.click(By.id("category:add"));
        shop.fieldSays("category:slug-message", "lower-case letters, digits and dashes");
        assertThat(shop.text("categories:tree")).doesNotContain(GIFTS);
        ui.type(By.id("category:slug"), "tea-gifts-" + RUN);
        ui.click(By.id("category:add"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-messages"), "Category added."));
        int row = categoryRow("tea-gifts-" + RUN);
        assertThat(shop.inputValue("categories:tree:" + row + ":nameEn")).isEqualTo(GIFTS);
        assertThat(shop.inputValue("categories:tree:" + row + ":nameZh")).isEqualTo(GIFTS_ZH);
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(3)
    void theSellerIsToldWhatIsWrongWithAnItemThenSavesItemsWithImagesAndSubmitsThem() throws IOException {
        shop.signInWithTheBank(SELLER);
        ui.click(By.cssSelector("[id='shell:menu'] a[href*='/seller/items']"));
        wait.until(ExpectedConditions.urlContains("/seller/items.xhtml"));
        ui.click(By.id("new-item"));
        wait.until(ExpectedConditions.urlContains("/seller/item.xhtml"));
        fillItem("", "Tea and tea ware", "268.00", "5", "");
        ui.click(By.id("item:save"));
        shop.fieldSays("item:title-message", "Enter a title");
        fillItem(TEAPOT, "Tea and tea ware", "0", "5", "");
        ui.click(By.id("item:save"));
        shop.fieldSays("item:price-message", "between 0.01 and 1,000,000.00");
        fillItem(TEAPOT, "Tea and tea ware", "12.345", "5", "");
        ui.click(By.id("item:save"));
        shop.fieldSays("item:price-message", "at most two decimals");
        fillItem(TEAPOT, "Tea and tea ware", "twelve", "5", "");
        ui.click(By.id("item:save"));
        shop.fieldSays("item:price-message", "a number such as 12.50");
        fillItem(TEAPOT, "Tea and tea ware", "268.00", "-1", "");
        ui.click(By.id("item:save"));
        shop.fieldSays("item:stock-message", "whole number from 0");
        // nothing of that was stored
        ui.open("shop", "/seller/items.xhtml");
        assertThat(shop.text("seller-items")).contains("No items yet");

        ui.click(By.id("new-item"));
        wait.until(ExpectedConditions.urlContains("/seller/item.xhtml"));
        fillItem(TEAPOT, "Tea and tea ware", "268.00", "5",
                "Hand-made in **Yixing** from purple clay.\n\n- 300 ml\n- brews green and oolong tea");
        ui.type(By.id("item:options"), "colour: purple clay, red clay");
        ui.click(By.id("item:save"));
        wait.until(ExpectedConditions.urlContains("saved=true"));
        teapotId = URI.create(browser.getCurrentUrl()).getQuery().replaceAll(".*\\bid=(\\d+).*", "$1");
        assertThat(shop.text("item-status")).contains("Draft");

        // an HTML page named .jpg is refused next to the upload field; real images are added
        upload("not-a-picture.jpg", "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        shop.fieldSays("images:image-message", "Only JPEG, PNG and WebP images are accepted");
        assertThat(browser.findElements(By.cssSelector(".seller-image"))).isEmpty();
        upload("teapot.png", picture("png", 900, 700, new Color(0x7c2d12), new Color(0xfbbf24), "紫砂壶"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".seller-image"), 1));
        upload("teapot-side.jpg", withExif(picture("jpg", 1600, 1200, new Color(0x134e4a), new Color(0xa7f3d0),
                "Yixing")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".seller-image"), 2));
        assertThat(shop.text("images:image-message")).contains("Image added.");
        assertThat(browser.findElements(By.cssSelector(".ui-messages-info"))).isEmpty();
        shop.docScreenshot("shop-item-form-en");
        shop.openWithLanguage("/seller/item.xhtml?id=" + teapotId, "zh-CN");
        assertThat(shop.text("editor")).contains("编辑商品");
        shop.docScreenshot("shop-item-form-zh");
        shop.openWithLanguage("/seller/item.xhtml?id=" + teapotId, "en");
        ui.click(By.id("item:submit"));
        wait.until(ExpectedConditions.urlContains("submitted=true"));
        assertThat(shop.text("item-status")).contains("In review");

        newItem(BOOK, "Books", "39.90", "12", "The oldest book about tea, by Lu Yu.",
                picture("jpg", 800, 1000, new Color(0x1e3a8a), new Color(0xe0e7ff), "茶经"));
        newItem(CUPS, GIFTS, "1280.00", "0", "Six celadon cups. Sold out until spring.",
                picture("png", 1000, 800, new Color(0x365314), new Color(0xd9f99d), "青瓷"));

        ui.open("shop", "/seller/items.xhtml?lang=en");
        String items = shop.text("seller-items");
        assertThat(items).contains(TEAPOT).contains(BOOK).contains(CUPS).contains("In review").contains("268.00")
                .contains("1280.00");
        shop.docScreenshot("shop-seller-centre-en");
        shop.openWithLanguage("/seller/items.xhtml", "zh-CN");
        assertThat(shop.text("seller-items")).contains("审核中");
        shop.docScreenshot("shop-seller-centre-zh");
        shop.openWithLanguage("/seller/items.xhtml", "en");
        // a draft is nobody else's business: the public item page of an unapproved item is 404
        assertThat(TriadHttp.get(TriadHttp.uri("shop", "/item.xhtml?id=" + teapotId)).statusCode()).isEqualTo(404);
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(4)
    void theShopAdminApprovesTheItemsInTheReviewQueue() {
        shop.signInAsShopAdmin();
        ui.click(By.cssSelector("[id='shell:menu'] a[href*='/admin/review']"));
        wait.until(ExpectedConditions.urlContains("/admin/review.xhtml"));
        WebElement teapot = shop.reviewCard(TEAPOT);
        assertThat(teapot.getText()).contains("268.00").contains("Tea and tea ware").contains(SELLER_NAME);
        assertThat(teapot.findElements(By.cssSelector(".review-image"))).hasSize(2);
        shop.docScreenshot("shop-review-en");
        shop.openWithLanguage("/admin/review.xhtml", "zh-CN");
        assertThat(shop.text("review")).contains("审核队列").contains("茶与茶具");
        shop.docScreenshot("shop-review-zh");
        shop.openWithLanguage("/admin/review.xhtml", "en");
        for (String title : List.of(TEAPOT, BOOK, CUPS)) {
            shop.approveInReviewQueue(title);
            assertThat(shop.text("review")).doesNotContain(title);
        }
        assertThat(TriadHttp.get(TriadHttp.uri("shop", "/item.xhtml?id=" + teapotId)).statusCode()).isEqualTo(200);
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(5)
    void aBuyerFindsTheItemByAChineseAndAnEnglishWordAndOpensIt() throws IOException, InterruptedException {
        shop.signInWithTheBank(BUYER);
        // without a payout card nobody becomes a seller
        ui.open("shop", "/account/index.xhtml?lang=en");
        ui.click(By.cssSelector("[id='seller:terms'] .ui-chkbox-box"));
        ui.click(By.id("seller:submit"));
        shop.fieldSays("seller:card-message", "Bind a bank card for payouts first");
        assertThat(shop.text("roles")).doesNotContain("Seller");
        assertThat(browser.findElements(By.cssSelector("[id='shell:menu'] a[href*='/seller/items']"))).isEmpty();

        ui.open("shop", "/index.xhtml?lang=en");
        wait.until(d -> d.findElement(By.id("items")).getText().contains(TEAPOT));
        shop.docScreenshot("shop-home-en");

        search(TEAPOT_ZH);
        assertThat(shop.text("results")).contains(TEAPOT).doesNotContain(BOOK).doesNotContain(CUPS);
        assertThat(shop.text("hits")).contains("Items found: 1");
        search("teapots " + RUN);
        assertThat(shop.text("results")).contains(TEAPOT).doesNotContain(BOOK).doesNotContain(CUPS);

        // every item of this run, with the facets counting them
        search(RUN);
        assertThat(shop.text("hits")).contains("Items found: 3");
        String facets = shop.text("facets");
        assertThat(facets).contains("Home and kitchen (2)").contains("Tea and tea ware (1)").contains(GIFTS + " (1)")
                .contains("Books (1)").contains("In stock only (2)");
        shop.docScreenshot("shop-search-en");
        String searchUrl = browser.getCurrentUrl();
        browser.get(searchUrl + "&lang=zh-CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facets"), "茶与茶具 (1)"));
        shop.docScreenshot("shop-search-zh");
        browser.get(searchUrl + "&lang=en");
        ui.click(By.xpath("//a[contains(@class,'facet-category') and text()='Books']"));
        wait.until(d -> d.findElement(By.id("hits")).getText().contains("Items found: 1"));
        assertThat(shop.text("results")).contains(BOOK).doesNotContain(TEAPOT);
        browser.get(searchUrl);
        ui.click(By.id("facet-stock"));
        wait.until(d -> d.findElement(By.id("hits")).getText().contains("Items found: 2"));
        assertThat(shop.text("results")).doesNotContain(CUPS);
        ui.click(By.id("sort-price-desc"));
        wait.until(ExpectedConditions.urlContains("sort=price_desc"));
        assertThat(shop.text("results").indexOf(TEAPOT)).isLessThan(shop.text("results").indexOf(BOOK));

        // the item page: price, stock, seller, description, both images re-encoded
        search(TEAPOT_ZH);
        ui.click(By.cssSelector("[id='results'] a.item-link"));
        wait.until(ExpectedConditions.urlContains("/item.xhtml?id=" + teapotId));
        assertThat(shop.text("price")).isEqualTo("¥ 268.00");
        assertThat(shop.text("stock")).contains("In stock").contains(SELLER_NAME);
        assertThat(shop.text("description")).contains("Yixing").contains("300 ml");
        assertThat(browser.findElement(By.cssSelector("#description strong")).getText()).isEqualTo("Yixing");
        List<WebElement> gallery = browser.findElements(By.cssSelector("#gallery img.gallery-image"));
        assertThat(gallery).hasSize(2);
        for (WebElement image : gallery) {
            assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", image)).isTrue();
            HttpResponse<byte[]> served = TriadHttp.client().send(HttpRequest.newBuilder(
                    URI.create(image.getAttribute("src"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("image/jpeg"));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isEqualTo(600);
            assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
                    .doesNotContain(GPS);
        }
        shop.docScreenshot("shop-item-en");
        shop.openWithLanguage("/item.xhtml?id=" + teapotId, "zh-CN");
        assertThat(shop.text("stock")).contains("有货");
        shop.docScreenshot("shop-item-zh");
        shop.openWithLanguage("/index.xhtml", "zh-CN");
        shop.docScreenshot("shop-home-zh");
        browser.manage().window().setSize(new Dimension(390, 844));
        ui.open("shop", "/item.xhtml?id=" + teapotId);
        ui.screenshot("shop-item-phone-zh");
        browser.manage().window().setSize(new Dimension(1280, 900));
        ui.open("shop", "/index.xhtml?lang=en");
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(6)
    void theShopAdminRenamesTheCategoryAndBansTheSeller() {
        shop.signInAsShopAdmin();
        ui.click(By.cssSelector("[id='shell:menu'] a[href*='/admin/shop']"));
        wait.until(ExpectedConditions.urlContains("/admin/shop.xhtml"));
        int row = categoryRow("tea-gifts-" + RUN);
        // the new Chinese name is not found yet
        assertThat(searchHits("礼盒 " + RUN)).isZero();

        // rename: a blank English name is refused in its row and nothing changes; then both names change
        ui.type(By.id("categories:tree:" + row + ":nameEn"), " ");
        ui.click(By.id("categories:tree:" + row + ":rename"));
        shop.fieldSays("categories:tree:" + row + ":nameEn-message", "1 to 100 characters");
        ui.open("shop", "/admin/shop.xhtml");
        assertThat(shop.inputValue("categories:tree:" + row + ":nameEn")).isEqualTo(GIFTS);
        ui.type(By.id("categories:tree:" + row + ":nameEn"), "Tea presents " + RUN);
        ui.type(By.id("categories:tree:" + row + ":nameZh"), "茶礼盒 " + HAN);
        ui.click(By.id("categories:tree:" + row + ":rename"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-messages"),
                "Renamed: Tea presents " + RUN + " / 茶礼盒 " + HAN));
        var categories = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/catalogue/categories"));
        assertThat(categories.body()).contains("Tea presents " + RUN).contains("茶礼盒 " + HAN).doesNotContain(GIFTS);
        // the search follows at once: the cups are found by their category's new Chinese name
        wait.until(d -> searchHits("礼盒 " + RUN) == 1);

        // ban the seller: a reason is required; once banned, the items are not found any more
        int seller = sellerRow(SELLER_NAME);
        ui.click(By.id("sellers:table:" + seller + ":ban"));
        shop.fieldSays("sellers:table:" + seller + ":reason-message", "Say why the seller is banned");
        assertThat(searchHits(RUN)).isEqualTo(3);
        ui.type(By.id("sellers:table:" + seller + ":reason"), "Counterfeit tea ware (UI test)");
        ui.click(By.id("sellers:table:" + seller + ":ban"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-messages"), "The seller is banned"));
        assertThat(browser.findElement(By.id("sellers:table:" + sellerRow(SELLER_NAME) + ":unban")).isDisplayed()).isTrue();
        shop.docScreenshot("shop-admin-en");
        shop.openWithLanguage("/admin/shop.xhtml", "zh-CN");
        assertThat(shop.text("sellers-panel")).contains("已封禁");
        shop.docScreenshot("shop-admin-zh");
        shop.openWithLanguage("/admin/shop.xhtml", "en");
        wait.until(d -> searchHits(RUN) == 0);
        assertThat(TriadHttp.get(TriadHttp.uri("shop", "/item.xhtml?id=" + teapotId)).statusCode()).isEqualTo(404);

        ui.click(By.id("sellers:table:" + sellerRow(SELLER_NAME) + ":unban"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-messages"), "The ban is lifted."));
        wait.until(d -> searchHits(RUN) == 3);
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(7)
    void aPriceChangeGoesBackToReviewWhileBuyersKeepSeeingTheApprovedPrice() {
        shop.signInWithTheBank(SELLER);
        ui.open("shop", "/seller/item.xhtml?id=" + teapotId + "&lang=en");
        assertThat(shop.inputValue("item:price")).isEqualTo("268.00");
        ui.type(By.id("item:price"), "298.00");
        ui.click(By.id("item:submit"));
        wait.until(ExpectedConditions.urlContains("submitted=true"));
        assertThat(shop.text("item-status")).contains("In review").contains("on sale");
        assertThat(shop.text("still-on-sale")).contains("268.00");
        String page = TriadHttp.get(TriadHttp.uri("shop", "/item.xhtml?id=" + teapotId + "&lang=en")).body();
        assertThat(page).contains("268.00").doesNotContain("298.00");
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(8)
    void theBankEndsTheShopSessionWithinASecond() {
        shop.signInWithTheBank(SELLER);
        var out = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/me/devices/sign-out-others"), "application/json", "",
                "Authorization", ShopUi.basic(SELLER, PASSWORD));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        long revoked = System.nanoTime();
        // the browser's shop session, asked over HTTP until it is refused (page rendering is not part of the second)
        String session = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        long millis;
        while (true) {
            var page = TriadHttp.get(TriadHttp.uri("shop", "/account/index.xhtml"), "Cookie", session);
            millis = (System.nanoTime() - revoked) / 1_000_000;
            if (page.statusCode() == 302) {
                assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                        v -> assertThat(v).contains("/shop/signin.xhtml"));
                break;
            }
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(millis).as("shop session still open after the bank's sign-out").isLessThan(1000);
        }
        assertThat(millis).as("shop session ended after the bank's sign-out").isLessThan(1000);
        ui.open("shop", "/account/index.xhtml");
        wait.until(ExpectedConditions.urlContains("/shop/signin.xhtml"));
        assertThat(browser.findElements(By.id("shell:signed-in-as"))).isEmpty();
        shop.forgetTheBrowser();
    }

    @Test
    @Order(9)
    void signingOutOfShopAndBankEndsTheBankSessionToo() {
        shop.signInWithTheBank(BUYER);
        ui.click(By.id("shell:signout-all"));
        // the bank's RP-initiated logout comes back to the shop's home
        wait.until(d -> d.getCurrentUrl().startsWith(TriadHttp.baseUrl("shop") + "/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signin")));
        assertThat(browser.findElements(By.id("shell:signed-in-as"))).isEmpty();
        bank.open("/portal/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/bank/signin.xhtml"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/bank/signin.xhtml");
    }

    @Test
    @Order(10)
    void aBuyerRegistersAShopAccountActivatesItWithTheMailedCodeAndSignsIn() {
        String email = "shop-local-" + RUN + "@example.com";
        ui.open("shop", "/signin.xhtml?lang=en");
        ui.click(By.id("register"));
        wait.until(ExpectedConditions.urlContains("/shop/register.xhtml"));
        ui.type(By.id("register:nickname"), "Local buyer " + RUN);
        ui.type(By.id("register:email"), email);
        ui.type(By.id("register:password"), "short");
        ui.click(By.id("register:submit"));
        shop.fieldSays("register:password-message", "at least 12");
        ui.type(By.id("register:password"), PASSWORD);
        ui.click(By.id("register:submit"));
        wait.until(ExpectedConditions.urlContains("/shop/activate.xhtml"));
        ui.type(By.id("activate:code"), mail.code(email, "activation"));
        ui.click(By.id("activate:submit"));
        wait.until(ExpectedConditions.urlContains("activated=true"));
        ui.type(By.id("local:login"), email);
        ui.type(By.id("local:password"), PASSWORD);
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
        assertThat(shop.text("shell:signed-in-as")).contains("Local buyer " + RUN);
        shop.signOutAndForgetTheBrowser();
    }

    // --- the journey's steps ---------------------------------------------------------------------------------------

    private static void fillItem(String title, String category, String price, String stock, String description) {
        ui.type(By.id("item:title"), title);
        chooseCategory("item:category", category);
        ui.type(By.id("item:price"), price);
        ui.type(By.id("item:stock"), stock);
        ui.type(By.id("item:description"), description);
    }

    private static void newItem(String title, String category, String price, String stock, String description,
                                byte[] image) {
        ui.open("shop", "/seller/item.xhtml");
        fillItem(title, category, price, stock, description);
        ui.click(By.id("item:save"));
        wait.until(ExpectedConditions.urlContains("saved=true"));
        upload("photo." + (image[0] == (byte) 0x89 ? "png" : "jpg"), image);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".seller-image"), 1));
        ui.click(By.id("item:submit"));
        wait.until(ExpectedConditions.urlContains("submitted=true"));
    }

    /** Chooses a category by its name; the menu indents sub-categories with non-breaking spaces. */
    private static void chooseCategory(String menuId, String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId)));
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const select = document.getElementById(arguments[0] + '_input');"
                        + "const option = Array.from(select.options).find(o => o.text.trim() === arguments[1]);"
                        + "if (!option) { return null; }"
                        + "PrimeFaces.getWidgetById(arguments[0]).selectValue(option.value);"
                        + "return option.value;", menuId, name);
        assertThat(value).as("category " + name).isNotNull();
        wait.until(d -> d.findElement(By.id(menuId + "_label")).getText().trim().equals(name));
    }

    private static void upload(String fileName, byte[] content) {
        try {
            Path file = Files.createTempDirectory("shop-ui").resolve(fileName);
            Files.write(file, content);
            WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[id='images'] input[type='file']")));
            input.sendKeys(file.toAbsolutePath().toString());
            WebElement button = browser.findElement(By.id("images:upload"));
            button.click();
            wait.until(ExpectedConditions.stalenessOf(button));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void search(String words) {
        ui.open("shop", "/search.xhtml?lang=en");
        ui.type(By.id("search:q_input"), words);
        WebElement go = browser.findElement(By.id("search:go"));
        go.click();
        wait.until(ExpectedConditions.stalenessOf(go));
        wait.until(ExpectedConditions.urlContains("q="));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
    }

    /** How many items the public search finds for the words (over the REST API, no session). */
    private static int searchHits(String words) {
        var r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/catalogue/search?q="
                + URLEncoder.encode(words, StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getInt("total");
    }

    private static int categoryRow(String slug) {
        return rowOf("categories:tree", slug);
    }

    private static int sellerRow(String nickname) {
        return rowOf("sellers:table", nickname);
    }

    /** The index of the data table's row that shows the text. */
    private static int rowOf(String tableId, String shown) {
        List<WebElement> rows = browser.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr"));
        for (WebElement tr : rows) {
            if (tr.getText().contains(shown)) {
                return Integer.parseInt(tr.getAttribute("data-ri"));
            }
        }
        throw new AssertionError("no row with " + shown + " in " + tableId);
    }

    // --- test data -------------------------------------------------------------------------------------------------

    /** A real picture (gradient, a circle, a caption) as PNG or JPEG bytes. */
    private static byte[] picture(String format, int width, int height, Color from, Color to, String caption) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, width, height, to));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 200));
        int d = Math.min(width, height) / 2;
        g.fillOval((width - d) / 2, (height - d) / 2, d, d);
        g.setColor(from.darker());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(24, d / 5)));
        int w = g.getFontMetrics().stringWidth(caption);
        g.drawString(caption, (width - w) / 2, height / 2 + d / 14);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final String GPS = "TRIAD-GPS-31.2304N-121.4737E";

    /** The JPEG with an EXIF segment (APP1) right after its start marker, carrying a position in plain text. */
    private static byte[] withExif(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + GPS).getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String word(String letters, int length) {
        StringBuilder b = new StringBuilder();
        int[] codePoints = letters.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(codePoints[RANDOM.nextInt(codePoints.length)]);
        }
        return b.toString();
    }
}
