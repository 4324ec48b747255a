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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The three applications as one, in headless Chromium against the running platform: two fresh bank customers become
 * shop sellers (sign in with the bank, bind a payout card through the bank's consent, accept the terms) and list an
 * item each; the shop admin approves both; bob signs in to the shop with the bank, puts both items in his cart,
 * checks out (one order per seller), pays once at the bank's cashier with his pay password and the mailed code — and
 * a second tab with his order list turns both orders {@code PAID} by itself (server-sent events, no reload). The bank
 * balances move by exactly the amounts: bob pays the total, each seller's card gets its order's amount. Each seller
 * ships; bob confirms receipt of both; he asks for part of one order back, its seller approves, the money is back on
 * bob's card and the order is {@code PARTIALLY_REFUNDED}. Bad paths on the way: a quantity above the stock, a
 * checkout without an address, a refund above what was paid.
 */
class ShopCheckoutUiIT {

    private static final String PASSWORD = "shop-checkout-passphrase";
    private static final String DEV_PASSWORD = "triad-dev-pass";
    private static final String PAY_PASSWORD = "123456";
    private static final String BUYER = "bob@example.com";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = word(7);
    private static final String SELLER_A = "seller-a-" + RUN + "@example.com";
    private static final String SELLER_B = "seller-b-" + RUN + "@example.com";
    private static final String TEA = "Longjing green tea 龙井 " + RUN;
    private static final String POT = "Celadon teapot 青瓷壶 " + RUN;
    private static final Path DOC_IMAGES = Path.of(System.getProperty("triad.docs.images", "../docs/images"));

    private static MailCodes mail;
    private static Browser ui;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static BankUi bank;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui,
            "failed-checkout-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        for (String seller : List.of(SELLER_A, SELLER_B)) {
            long id = registerCustomer(seller, "Seller " + seller.charAt(7) + " " + RUN);
            var kyc = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/clerk/customers/" + id + "/kyc"),
                    "application/json", "{\"decision\":\"APPROVE\"}", "Authorization", basic("clerk", DEV_PASSWORD));
            assertThat(kyc.statusCode()).as(kyc.body()).isEqualTo(200);
            var card = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/cards"), "application/json", "",
                    "Authorization", basic(seller, PASSWORD));
            assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
            var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/cards/"
                            + TriadHttp.json(card).getJsonNumber("id") + "/activation"), "application/json",
                    "{\"code\":\"" + mail.code(seller, "activate your card") + "\"}",
                    "Authorization", basic(seller, PASSWORD));
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        }
        ui = Browser.start(1280, 900);
        browser = ui.driver();
        wait = ui.waits();
        bank = new BankUi(ui);
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
    void aBuyerPaysTwoSellersAtOnceAndEverySellerIsPaid() {
        becomeSellerWithItem(SELLER_A, TEA, "30.00", "5");
        becomeSellerWithItem(SELLER_B, POT, "50.50", "3");
        approveInReview(TEA, POT);

        BigDecimal buyerBefore = balance(BUYER, DEV_PASSWORD);
        BigDecimal sellerABefore = balance(SELLER_A, PASSWORD);
        BigDecimal sellerBBefore = balance(SELLER_B, PASSWORD);
        assertThat(sellerABefore).isEqualByComparingTo("0.00");

        // bob: both items into the cart; more than in stock is refused at the field
        signInWithTheBank(BUYER, DEV_PASSWORD);
        String teaId = itemId(TEA);
        String potId = itemId(POT);
        addToCart(potId, "4");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-to-cart:cart-messages"), "Not enough in stock"));
        addToCart(teaId, "2");
        addToCart(potId, "1");
        ui.open("shop", "/cart.xhtml?lang=en");
        assertThat(text("cart:lines")).contains(TEA).contains(POT);
        assertThat(text("cart:total")).contains("110.50");
        docScreenshot("shop-cart-en");
        ui.click(By.id("cart:checkout"));
        wait.until(ExpectedConditions.urlContains("/checkout/index.xhtml"));

        // no address: refused at the field, nothing ordered
        ui.type(By.id("checkout:phone"), "+86 138 0000 0000");
        ui.click(By.id("checkout:place"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkout:messages"), "address"));
        assertThat(orders(BUYER).size()).isZero();
        ui.type(By.id("checkout:address"), "88 Tea Street, Hangzhou 310000");
        docScreenshot("shop-checkout-en");
        ui.click(By.id("checkout:place"));

        // the bank's cashier: the shop, two payee lines, the total
        wait.until(ExpectedConditions.urlContains("/bank/portal/pay.xhtml"));
        String cashierTab = browser.getWindowHandle();
        assertThat(text("pay:merchant")).isEqualTo("Triad Shop");
        assertThat(text("pay:total")).isEqualTo("110.50");
        assertThat(text("pay:lines")).contains("60.00").contains("50.50");

        // a second tab with the order list, connected to the live updates before the payment
        browser.switchTo().newWindow(WindowType.TAB);
        String ordersTab = browser.getWindowHandle();
        ui.open("shop", "/orders/index.xhtml?lang=en");
        wait.until(d -> "open".equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.getAttribute('data-live')")));
        List<WebElement> pending = browser.findElements(By.cssSelector(".order-status.PENDING_PAYMENT"));
        assertThat(pending).hasSize(2);
        ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");

        browser.switchTo().window(cashierTab);
        ui.click(By.id("pay:send-code"));
        String code = mail.code(BUYER, "confirm your payment");
        ui.type(By.id("pay:payPassword"), PAY_PASSWORD);
        ui.type(By.id("pay:code"), code);
        ui.click(By.id("pay:submit"));
        wait.until(ExpectedConditions.textToBe(By.id("pay:status"), "Paid"));

        // the order list turned PAID by itself
        browser.switchTo().window(ordersTab);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".order-status.PAID"), 2));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__notReloaded === true")).isEqualTo(true);
        docScreenshot("shop-orders-en");
        browser.close();
        browser.switchTo().window(cashierTab);

        // back to the shop: the checkout's result page
        ui.click(By.id("pay:return"));
        wait.until(ExpectedConditions.urlContains("/shop/checkout/done.xhtml"));
        wait.until(ExpectedConditions.attributeToBe(By.id("checkout-status"), "data-status", "PAID"));
        docScreenshot("shop-checkout-paid-en");

        // exact money: bob paid the total once, each seller got their order's amount
        assertThat(balance(BUYER, DEV_PASSWORD)).isEqualByComparingTo(buyerBefore.subtract(new BigDecimal("110.50")));
        assertThat(balance(SELLER_A, PASSWORD)).isEqualByComparingTo(sellerABefore.add(new BigDecimal("60.00")));
        assertThat(balance(SELLER_B, PASSWORD)).isEqualByComparingTo(sellerBBefore.add(new BigDecimal("50.50")));
        List<JsonObject> bobsOrders = orders(BUYER);
        assertThat(bobsOrders).hasSize(2).allMatch(o -> "PAID".equals(o.getString("status")));
        String teaOrder = orderOf(bobsOrders, TEA);
        String potOrder = orderOf(bobsOrders, POT);
        forgetTheBrowser();

        // each seller ships
        ship(SELLER_A, teaOrder, "SF Express", "SF1234567890");
        ship(SELLER_B, potOrder, "EMS", "EMS-778899");

        // bob confirms receipt of both, and asks for 10.00 of the tea back (more than paid is refused)
        signInWithTheBank(BUYER, DEV_PASSWORD);
        for (String order : List.of(teaOrder, potOrder)) {
            openOrder(order);
            ui.click(By.id("order:complete"));
            wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "COMPLETED"));
        }
        openOrder(teaOrder);
        ui.type(By.id("order:reason"), "Two bags arrived torn");
        setNumber("order:amount", "70.00");
        ui.click(By.id("order:request-refund"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order:messages"), "more than"));
        assertThat(attribute("order-status", "data-status")).isEqualTo("COMPLETED");
        setNumber("order:amount", "10.00");
        ui.type(By.id("order:reason"), "Two bags arrived torn");
        ui.click(By.id("order:request-refund"));
        wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "REFUND_REQUESTED"));
        forgetTheBrowser();

        // the tea seller approves: the bank refunds from the seller's card
        signInWithTheBank(SELLER_A, PASSWORD);
        ui.open("shop", "/seller/orders.xhtml?lang=en");
        assertThat(text("orders-form:refund-tasks")).contains("Two bags arrived torn").contains("10.00");
        docScreenshot("shop-seller-orders-en");
        openOrder(teaOrder);
        ui.click(By.id("order:approve-refund"));
        wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PARTIALLY_REFUNDED"));
        docScreenshot("shop-order-en");
        openWithLanguage("/orders/order.xhtml?id=" + teaOrder, "zh-CN");
        assertThat(text("order-status")).isEqualTo("部分退款");
        docScreenshot("shop-order-zh");
        forgetTheBrowser();

        assertThat(balance(BUYER, DEV_PASSWORD)).isEqualByComparingTo(buyerBefore.subtract(new BigDecimal("100.50")));
        assertThat(balance(SELLER_A, PASSWORD)).isEqualByComparingTo(sellerABefore.add(new BigDecimal("50.00")));
        assertThat(balance(SELLER_B, PASSWORD)).isEqualByComparingTo(sellerBBefore.add(new BigDecimal("50.50")));
        JsonObject tea = orders(BUYER).stream().filter(o -> o.getJsonNumber("id").toString().equals(teaOrder))
                .findFirst().orElseThrow();
        assertThat(tea.getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(tea.getJsonNumber("refunded").bigDecimalValue()).isEqualByComparingTo("10.00");
    }

    // --- steps ------------------------------------------------------------------------------------------------------

    private static void becomeSellerWithItem(String email, String title, String price, String stock) {
        signInWithTheBank(email, PASSWORD);
        ui.open("shop", "/account/index.xhtml?lang=en");
        ui.click(By.id("bind"));
        approveConsentIfAsked("/shop/account/bind-card.xhtml");
        ui.click(By.id("bind:submit"));
        wait.until(ExpectedConditions.urlContains("bound=true"));
        ui.click(By.cssSelector("[id='seller:terms'] .ui-chkbox-box"));
        ui.click(By.id("seller:submit"));
        wait.until(ExpectedConditions.urlContains("/seller/items.xhtml"));
        ui.open("shop", "/seller/item.xhtml?lang=en");
        ui.type(By.id("item:title"), title);
        chooseCategory("item:category", "Tea and tea ware");
        ui.type(By.id("item:price"), price);
        ui.type(By.id("item:stock"), stock);
        ui.type(By.id("item:description"), "Fresh from **Hangzhou**.");
        ui.click(By.id("item:save"));
        wait.until(ExpectedConditions.urlContains("saved=true"));
        ui.click(By.id("item:submit"));
        wait.until(ExpectedConditions.urlContains("submitted=true"));
        forgetTheBrowser();
    }

    private static void approveInReview(String... titles) {
        ui.open("shop", "/signin.xhtml?lang=en");
        ui.type(By.id("local:login"), "shop-admin");
        ui.type(By.id("local:password"), DEV_PASSWORD);
        ui.click(By.id("local:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
        for (String title : titles) {
            ui.open("shop", "/admin/review.xhtml?lang=en");
            WebElement card = wait.until(d -> d.findElements(By.cssSelector(".review-item")).stream()
                    .filter(c -> c.getText().contains(title)).findFirst().orElse(null));
            WebElement approve = card.findElement(By.cssSelector("button[id$=':approve']"));
            approve.click();
            wait.until(ExpectedConditions.stalenessOf(approve));
        }
        forgetTheBrowser();
    }

    private static void ship(String seller, String orderId, String carrier, String tracking) {
        signInWithTheBank(seller, PASSWORD);
        ui.open("shop", "/seller/orders.xhtml?lang=en");
        assertThat(text("orders-form:orders")).contains(orderId).contains("Paid");
        openOrder(orderId);
        ui.type(By.id("order:carrier"), carrier);
        ui.type(By.id("order:trackingNumber"), "x");
        ui.click(By.id("order:ship"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order:messages"), "tracking number"));
        assertThat(attribute("order-status", "data-status")).isEqualTo("PAID");
        ui.type(By.id("order:trackingNumber"), tracking);
        ui.click(By.id("order:ship"));
        wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "SHIPPED"));
        forgetTheBrowser();
    }

    private static void signInWithTheBank(String email, String password) {
        ui.open("shop", "/signin.xhtml?lang=en");
        ui.click(By.id("with-bank"));
        wait.until(d -> d.getCurrentUrl().contains("/bank/signin.xhtml") || d.getCurrentUrl().contains("/shop/"));
        if (browser.getCurrentUrl().contains("/bank/signin.xhtml")) {
            bank.signIn(email, password);
        }
        approveConsentIfAsked("/shop/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shell:signed-in-as")));
    }

    private static void approveConsentIfAsked(String landing) {
        wait.until(d -> d.getCurrentUrl().contains("/oauth2/consent.xhtml") || d.getCurrentUrl().contains(landing));
        if (browser.getCurrentUrl().contains("/oauth2/consent.xhtml")) {
            ui.click(By.id("consent:approve"));
            wait.until(ExpectedConditions.urlContains(landing));
        }
    }

    private static void addToCart(String itemId, String quantity) {
        ui.open("shop", "/item.xhtml?id=" + itemId + "&lang=en");
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-to-cart:quantity_input")));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), quantity);
        ui.click(By.id("add-to-cart:add"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='add-to-cart:cart-messages'] li")));
    }

    private static void openOrder(String orderId) {
        ui.open("shop", "/orders/order.xhtml?id=" + orderId + "&lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-status")));
    }

    private static void setNumber(String id, String value) {
        WebElement input = browser.findElement(By.id(id + "_input"));
        input.clear();
        input.sendKeys(value);
    }

    private static void chooseCategory(String menuId, String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId)));
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const select = document.getElementById(arguments[0] + '_input');"
                        + "const option = Array.from(select.options).find(o => o.text.trim() === arguments[1]);"
                        + "if (!option) { return null; }"
                        + "PrimeFaces.getWidgetById(arguments[0]).selectValue(option.value);"
                        + "return option.value;", menuId, name);
        assertThat(value).as("category " + name).isNotNull();
    }

    private static void forgetTheBrowser() {
        ui.open("shop", "/api/v1/health");
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private static void openWithLanguage(String path, String language) {
        ui.open("shop", path + (path.contains("?") ? "&" : "?") + "lang=" + language);
        wait.until(d -> language.equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
    }

    private static String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static String attribute(String id, String name) {
        return browser.findElement(By.id(id)).getAttribute(name);
    }

    private static void docScreenshot(String name) {
        ui.screenshot(name);
        if (Files.isDirectory(DOC_IMAGES)) {
            try {
                Files.copy(Browser.SCREENSHOTS.resolve(name + ".png"), DOC_IMAGES.resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- the bank and the shop over their APIs ---------------------------------------------------------------------

    /** The item's id, found by the public search API. */
    private static String itemId(String title) {
        var r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/catalogue/search?q="
                + java.net.URLEncoder.encode(RUN, StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getJsonObject("working").getString("title").equals(title)).findFirst()
                .map(i -> i.getJsonNumber("id").toString()).orElseThrow(() -> new AssertionError(title + " not found"));
    }

    /** The buyer's orders over the shop's API, with an access token of the bank (its API sign-in). */
    private static List<JsonObject> orders(String email) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/orders?max=100"), "Authorization",
                "Bearer " + bankAccessToken(email, email.equals(BUYER) ? DEV_PASSWORD : PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getJsonArray("orders").stream().map(v -> v.asJsonObject()).toList();
    }

    private static String bankAccessToken(String email, String password) {
        HttpResponse<String> r = TriadHttp.send(java.net.http.HttpRequest.newBuilder(
                        TriadHttp.uri("bank", "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("User-Agent", "ShopCheckoutUiIT")
                .timeout(java.time.Duration.ofSeconds(60))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("email", email)
                        .add("password", password).build().toString())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getString("access_token");
    }

    private static String orderOf(List<JsonObject> orders, String title) {
        return orders.stream().filter(o -> o.getJsonArray("lines").getJsonObject(0).getString("title").equals(title))
                .findFirst().map(o -> o.getJsonNumber("id").toString()).orElseThrow();
    }

    private static BigDecimal balance(String email, String password) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization",
                basic(email, password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readArray().getJsonObject(0)
                .getJsonNumber("balance").bigDecimalValue();
    }

    private static long registerCustomer(String email, String nickname) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"" + nickname + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"" + PAY_PASSWORD + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + email + "\",\"code\":\"" + mail.code(email, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return TriadHttp.json(registered).getJsonNumber("id").longValue();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String word(int length) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
