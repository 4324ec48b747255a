package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The whole journey across the three applications in headless Chromium, over TLS from the platform's own CA:
 * <ol>
 * <li>Two fresh bank customers become sellers in the shop (sign in with the bank, bind their card for payouts
 * through the bank's consent, accept the terms), each puts an item on sale (the shop's REST API with their bank
 * access token); the shop admin approves both in the review queue.</li>
 * <li>Bob signs in to the shop with the bank; asking for more than the stock is refused at the item; he adds one
 * item of each seller, checks out once (one order per seller) and lands on the bank's cashier, which shows one payment
 * for both; a second tab shows his order pending; he pays with his pay password and the mailed code; the second tab
 * turns {@code PAID} by itself (the page is not reloaded); his card is debited by the total once and each seller's
 * card is credited by exactly their order.</li>
 * <li>Another user's order id is {@code 404}. Each seller ships their order with carrier and tracking number; bob
 * completes one; on the other he asks for a refund above what he paid (refused at the field), then for 10.00; the
 * seller approves; the bank moves 10.00 back from the seller's card to bob's; the order is
 * {@code PARTIALLY_REFUNDED}.</li>
 * <li>Bob rates the completed tea on its order page (without stars refused at the field, then four stars and a
 * text); the item page shows the summary; he sends feedback to the shop (an empty message refused at the field),
 * which the shop admin reads; the tea seller answers the rating in the seller centre.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopCheckoutUiIT {

    private static final String PASSWORD = ShopUi.ADMIN_PASSWORD;
    private static final String BUYER = "bob@example.com";
    private static final String PAY_PASSWORD = "123456";
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private static final Seller TEA = new Seller("journey-tea-" + RUN + "@example.com", "Tea Garden 茶园 " + RUN,
            "Longjing green tea 龙井 " + RUN, "120.50", 3);
    private static final Seller CUPS = new Seller("journey-cups-" + RUN + "@example.com", "Cup Studio 杯坊 " + RUN,
            "Celadon cup 青瓷杯 " + RUN, "45.25", 5);

    private static MailCodes mail;
    private static Browser ui;
    private static ShopUi shop;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static final java.util.Map<String, String> TOKENS = new java.util.HashMap<>();
    private static BigDecimal buyerBefore;
    private static long checkoutId;

    /** A seller of this run, with what the journey learns about them on the way. */
    private static final class Seller {
        final String email;
        final String name;
        final String title;
        final String price;
        final int stock;
        long customerId;
        long itemId;
        long orderId;
        BigDecimal before;

        Seller(String email, String name, String title, String price, int stock) {
            this.email = email;
            this.name = name;
            this.title = title;
            this.price = price;
            this.stock = stock;
        }
    }

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui,
            "failed-journey-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        ui = Browser.start(1366, 900);
        shop = new ShopUi(ui, mail, PASSWORD);
        browser = ui.driver();
        wait = ui.waits();
        for (Seller s : List.of(TEA, CUPS)) {
            s.customerId = shop.registerCustomer(s.email, s.name);
            shop.approveWithActiveCard(s.customerId, s.email);
            s.before = ShopUi.balance(s.email, PASSWORD);
        }
        buyerBefore = ShopUi.balance(BUYER, PASSWORD);
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
    void twoCustomersBecomeSellersAndTheShopAdminApprovesTheirItems() {
        for (Seller s : List.of(TEA, CUPS)) {
            shop.becomeSeller(s.email);
            s.itemId = ShopUi.offerItem(token(s.email), s.title, s.price, s.stock);
        }

        shop.signInAsShopAdmin();
        ui.open("shop", "/admin/review.xhtml?lang=en");
        for (Seller s : List.of(TEA, CUPS)) {
            shop.approveInReviewQueue(s.title);
        }
        shop.signOutAndForgetTheBrowser();
        for (Seller s : List.of(TEA, CUPS)) {
            assertThat(TriadHttp.get(TriadHttp.uri("shop", "/item.xhtml?id=" + s.itemId)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void bobBuysFromBothSellersPaysOnceAtTheCashierAndSeesTheOrderTurnPaidLive() {
        shop.signInWithTheBank(BUYER);
        emptyTheCartOf(BUYER);

        // more than the stock is refused at the item and nothing is in the cart
        ui.open("shop", "/item.xhtml?id=" + TEA.itemId + "&lang=en");
        quantity(4);
        ui.click(By.id("add-to-cart:add"));
        shop.fieldSays("add-to-cart:quantity-message", "Not enough in stock");
        addToCart(TEA, 1);
        addToCart(CUPS, 2);

        ui.open("shop", "/cart.xhtml?lang=en");
        String cart = shop.text("cart:lines");
        assertThat(cart).contains(TEA.title).contains(CUPS.title).doesNotContain(TEA.title + " × 4");
        BigDecimal total = new BigDecimal(TEA.price).add(new BigDecimal(CUPS.price).multiply(BigDecimal.valueOf(2)));
        assertThat(shop.text("total")).contains(total.toPlainString());
        shop.docScreenshot("shop-cart-en");
        ui.click(By.id("cart:checkout"));
        wait.until(ExpectedConditions.urlContains("/checkout/index.xhtml"));
        ui.type(By.id("checkout:contactName"), "Bob 鲍勃");
        ui.type(By.id("checkout:phone"), "+86 138 0013 8000");
        ui.type(By.id("checkout:address"), "1 Century Avenue, Pudong, Shanghai");
        shop.docScreenshot("shop-checkout-en");
        ui.click(By.id("checkout:place"));

        // the bank's cashier: one payment for both sellers (bob is signed in at the bank already)
        wait.until(ExpectedConditions.urlContains("/bank/portal/pay.xhtml"));
        assertThat(shop.text("pay:merchant")).isEqualTo("Triad Shop");
        assertThat(shop.text("pay:total")).isEqualTo(total.toPlainString());
        String cashier = browser.getWindowHandle();

        // a second tab: the order of the tea seller, still waiting for the payment
        List<Long> orders = ordersOfTheNewestCheckout();
        assertThat(orders).hasSize(2);
        browser.switchTo().newWindow(WindowType.TAB);
        String orderTab = browser.getWindowHandle();
        for (long id : orders) {
            String seller = order(BUYER, id).getJsonObject("order").getString("sellerName");
            (seller.equals(TEA.name) ? TEA : CUPS).orderId = id;
        }
        assertThat(TEA.orderId).isNotZero().isNotEqualTo(CUPS.orderId);
        assertThat(CUPS.orderId).isNotZero();
        ui.open("shop", "/orders/order.xhtml?id=" + TEA.orderId + "&lang=en");
        wait.until(d -> "PENDING_PAYMENT".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
        ((JavascriptExecutor) browser).executeScript("window.journeyMarker = 'not reloaded';");

        // bob pays in the first tab
        browser.switchTo().window(cashier);
        shop.payAtTheCashier(BUYER, PAY_PASSWORD);

        // the order tab turned PAID by itself
        browser.switchTo().window(orderTab);
        wait.until(d -> "PAID".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.journeyMarker"))
                .isEqualTo("not reloaded");
        shop.docScreenshot("shop-order-paid-en");
        browser.close();
        browser.switchTo().window(cashier);

        // back to the shop: the result page shows both orders paid
        ui.click(By.id("pay:return"));
        wait.until(ExpectedConditions.urlContains("/shop/checkout/done"));
        wait.until(d -> "PAID".equals(d.findElement(By.id("checkout-status")).getAttribute("data-status")));
        assertThat(shop.text("done:orders")).contains(TEA.name).contains(CUPS.name);
        shop.docScreenshot("shop-checkout-done-en");
        shop.openWithLanguage("/checkout/done.xhtml?checkout=" + checkoutId, "zh-CN");
        assertThat(shop.text("done:orders")).contains("已付款");
        shop.docScreenshot("shop-checkout-done-zh");

        // the money: bob paid the total once, each seller got exactly their order
        assertThat(ShopUi.balance(BUYER, PASSWORD)).isEqualByComparingTo(buyerBefore.subtract(total));
        assertThat(ShopUi.balance(TEA.email, PASSWORD)).isEqualByComparingTo(TEA.before.add(new BigDecimal(TEA.price)));
        assertThat(ShopUi.balance(CUPS.email, PASSWORD)).isEqualByComparingTo(
                CUPS.before.add(new BigDecimal(CUPS.price).multiply(BigDecimal.valueOf(2))));
        ui.open("shop", "/index.xhtml?lang=en");
        shop.signOutAndForgetTheBrowser();
    }

    @Test
    @Order(3)
    void anotherUsersOrderIsNotFound() {
        String token = token(TEA.email);
        var other = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/orders/" + CUPS.orderId), "Authorization",
                "Bearer " + token);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        var page = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/seller/orders"), "Authorization", "Bearer " + token);
        assertThat(page.body()).contains("\"id\":" + TEA.orderId).doesNotContain("\"id\":" + CUPS.orderId + ",");
    }

    @Test
    @Order(4)
    void eachSellerShipsTheirOrder() {
        for (Seller s : List.of(TEA, CUPS)) {
            shop.signInWithTheBank(s.email);
            ui.open("shop", "/seller/orders.xhtml?lang=en");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders-form:orders"),
                    Long.toString(s.orderId)));
            if (s == TEA) {
                shop.docScreenshot("shop-seller-orders-en");
            }
            ui.open("shop", "/orders/order.xhtml?id=" + s.orderId + "&lang=en");
            ui.click(By.id("order:ship"));
            shop.fieldSays("order:carrier-message", "Name the carrier");
            ui.type(By.id("order:carrier"), "SF Express");
            ui.type(By.id("order:trackingNumber"), "SF" + RUN.toUpperCase() + s.orderId);
            ui.click(By.id("order:ship"));
            wait.until(d -> "SHIPPED".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
            assertThat(shop.text("delivery")).contains("SF Express");
            shop.signOutAndForgetTheBrowser();
        }
    }

    @Test
    @Order(5)
    void bobCompletesOneOrderAndGetsPartOfTheOtherRefunded() {
        shop.signInWithTheBank(BUYER);
        ui.open("shop", "/orders/order.xhtml?id=" + TEA.orderId + "&lang=en");
        ui.click(By.id("order:complete"));
        wait.until(d -> "COMPLETED".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
        assertThat(shop.text("order:timeline")).contains("Completed");

        ui.open("shop", "/orders/order.xhtml?id=" + CUPS.orderId + "&lang=en");
        ui.type(By.id("order:reason"), "One cup arrived chipped");
        setAmount("1000.00");
        ui.click(By.id("order:request-refund"));
        shop.fieldSays("order:amount-message", "more than can still be refunded");
        assertThat(status(BUYER, CUPS.orderId)).isEqualTo("SHIPPED");
        ui.open("shop", "/orders/order.xhtml?id=" + CUPS.orderId + "&lang=en");
        ui.type(By.id("order:reason"), "One cup arrived chipped");
        setAmount("10.00");
        ui.click(By.id("order:request-refund"));
        wait.until(d -> "REFUND_REQUESTED".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
        shop.signOutAndForgetTheBrowser();

        shop.signInWithTheBank(CUPS.email);
        ui.open("shop", "/orders/order.xhtml?id=" + CUPS.orderId + "&lang=en");
        assertThat(shop.text("refund-asked")).contains("10.00").contains("chipped");
        ui.type(By.id("order:note"), "Sorry about the cup");
        ui.click(By.id("order:approve-refund"));
        wait.until(d -> "PARTIALLY_REFUNDED".equals(d.findElement(By.id("order-status")).getAttribute("data-status")));
        shop.docScreenshot("shop-order-refunded-en");
        shop.openWithLanguage("/orders/order.xhtml?id=" + CUPS.orderId, "zh-CN");
        shop.docScreenshot("shop-order-refunded-zh");
        ui.open("shop", "/index.xhtml?lang=en");
        shop.signOutAndForgetTheBrowser();

        BigDecimal total = new BigDecimal(TEA.price).add(new BigDecimal(CUPS.price).multiply(BigDecimal.valueOf(2)));
        BigDecimal ten = new BigDecimal("10.00");
        assertThat(ShopUi.balance(BUYER, PASSWORD)).isEqualByComparingTo(buyerBefore.subtract(total).add(ten));
        assertThat(ShopUi.balance(CUPS.email, PASSWORD)).isEqualByComparingTo(
                CUPS.before.add(new BigDecimal(CUPS.price).multiply(BigDecimal.valueOf(2))).subtract(ten));
        assertThat(ShopUi.balance(TEA.email, PASSWORD)).isEqualByComparingTo(TEA.before.add(new BigDecimal(TEA.price)));
        assertThat(status(BUYER, TEA.orderId)).isEqualTo("COMPLETED");
        assertThat(status(BUYER, CUPS.orderId)).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    @Order(6)
    void bobRatesTheCompletedTeaAndItsSellerAnswers() {
        shop.signInWithTheBank(BUYER);
        ui.open("shop", "/orders/order.xhtml?id=" + TEA.orderId + "&lang=en");
        // no stars: refused next to the stars, once
        ui.click(By.id("rate:submit-rating"));
        shop.fieldSays("rate:stars-message", "Give 1 to 5 stars");
        assertThat(browser.findElements(By.xpath("//*[contains(text(), 'Give 1 to 5 stars')]"))).hasSize(1);
        browser.findElements(By.cssSelector("[id='rate:stars'] .ui-rating-star")).get(3).click();
        ui.type(By.id("rate:text"), "Fragrant, fresh and well packed 清香 " + RUN);
        ui.click(By.id("rate:submit-rating"));
        shop.fieldSays("rating-saved", "your rating is saved");
        assertThat(shop.text("ratings")).contains("Fragrant, fresh and well packed").contains("★★★★☆");
        assertThat(browser.findElements(By.id("rate:submit-rating"))).isEmpty();
        shop.docScreenshot("shop-order-rated-en");
        ui.open("shop", "/item.xhtml?id=" + TEA.itemId + "&lang=en");
        assertThat(shop.text("rating-summary")).contains("Average: 4.0 / 5").contains("Ratings: 1");
        // feedback to the shop, from the menu: an empty message is refused at its field
        ui.click(By.cssSelector("[id='shell:menu'] a[href*='/shop/feedback']"));
        ui.click(By.id("feedback:send"));
        shop.fieldSays("feedback:message-message", "Write a message");
        ui.type(By.id("feedback:message"), "Rating with photos works well " + RUN);
        ui.click(By.id("feedback:send"));
        shop.fieldSays("feedback:feedback-sent", "has been sent");
        shop.signOutAndForgetTheBrowser();
        shop.signInAsShopAdmin();
        ui.open("shop", "/admin/feedback.xhtml?lang=en");
        assertThat(shop.text("feedback-list:list")).contains("Rating with photos works well " + RUN);
        shop.signOutAndForgetTheBrowser();

        shop.signInWithTheBank(TEA.email);
        ui.open("shop", "/seller/ratings.xhtml?lang=en");
        ui.type(By.id("ratings:list:0:answer"), "Thank you, enjoy the tea!");
        ui.click(By.id("ratings:list:0:send-answer"));
        shop.fieldSays("ratings:list", "Thank you, enjoy the tea!");
        assertThat(browser.findElements(By.id("ratings:list:0:answer"))).isEmpty();
        shop.signOutAndForgetTheBrowser();
        var ratings = TriadHttp.json(TriadHttp.get(TriadHttp.uri("shop", "/api/v1/items/" + TEA.itemId + "/ratings")));
        assertThat(ratings.getJsonObject("summary").getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(ratings.getJsonArray("ratings").getJsonObject(0).getString("answer"))
                .isEqualTo("Thank you, enjoy the tea!");
    }

    // --- steps -----------------------------------------------------------------------------------------------------

    private static void addToCart(Seller s, int quantity) {
        ui.open("shop", "/item.xhtml?id=" + s.itemId + "&lang=en");
        quantity(quantity);
        ui.click(By.id("add-to-cart:add"));
        shop.fieldSays("add-to-cart:cart-messages", "Added to the cart.");
    }

    /** Bob's cart is kept by the shop between visits (and runs): whatever an earlier run left in it goes. */
    private static void emptyTheCartOf(String email) {
        var cart = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/cart"), "Authorization", "Bearer " + token(email));
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(200);
        for (JsonObject line : TriadHttp.json(cart).getJsonArray("lines").getValuesAs(JsonObject.class)) {
            var removed = TriadHttp.send(java.net.http.HttpRequest.newBuilder(TriadHttp.uri("shop",
                    "/api/v1/cart/lines/" + line.getJsonNumber("id"))).header("Authorization", "Bearer " + token(email))
                    .DELETE().build());
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        }
    }

    /** The spinner keeps its text on clear(): select all and type over it. */
    private static void quantity(int n) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart:quantity_input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(n));
        assertThat(input.getAttribute("value")).isEqualTo(Integer.toString(n));
    }

    /** The amount field is a PrimeFaces inputNumber: its widget takes the value. */
    private static void setAmount(String amount) {
        ((JavascriptExecutor) browser).executeScript(
                "PrimeFaces.getWidgetById('order:amount').setValue(arguments[0]);", amount);
    }

    /** Bob's orders of his newest checkout, over the shop's API with his bank access token. */
    private static List<Long> ordersOfTheNewestCheckout() {
        var r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/orders?max=10"), "Authorization",
                "Bearer " + token(BUYER));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject page = TriadHttp.json(r);
        var items = page.getJsonArray("orders").getValuesAs(JsonObject.class);
        checkoutId = items.get(0).getJsonNumber("checkoutId").longValue();
        List<Long> ids = new ArrayList<>();
        for (JsonObject o : items) {
            if (o.getJsonNumber("checkoutId").longValue() == checkoutId) {
                ids.add(o.getJsonNumber("id").longValue());
            }
        }
        return ids;
    }

    private static JsonObject order(String email, long id) {
        var r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/orders/" + id), "Authorization",
                "Bearer " + token(email));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r);
    }

    /** One bank access token per user for the whole journey (each sign-in opens a device session at the bank). */
    private static String token(String email) {
        return TOKENS.computeIfAbsent(email, e -> ShopUi.accessToken(e, PASSWORD));
    }

    private static String status(String email, long id) {
        return order(email, id).getJsonObject("order").getString("status");
    }
}
