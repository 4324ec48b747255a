package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.triad.testkit.TriadHttp;

/**
 * A flash sale across the three applications in headless Chromium: the shop admin schedules one unit of a fresh
 * seller's item on the admin screen (a price not below the item's refused at its field); bob grabs it on the flash
 * page, checks it out, pays the flash price at the bank's cashier, and the seller's card is credited by exactly that;
 * alice, over the shop's REST API with her bank token, is told it is sold out, and bob has exactly one claim of it.
 */
class ShopFlashSaleUiIT {

    private static final String PASSWORD = ShopUi.ADMIN_PASSWORD;
    private static final String BUYER = "bob@example.com";
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private static final String SELLER = "flash-seller-" + RUN + "@example.com";
    private static final String TITLE = "Flash teapot 秒杀茶壶 " + RUN;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static MailCodes mail;
    private static Browser ui;
    private static ShopUi shop;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui,
            "failed-flash-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        ui = Browser.start(1366, 900);
        shop = new ShopUi(ui, mail, PASSWORD);
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
    void bobGrabsTheOneUnitPaysTheFlashPriceAtTheCashierAndAliceFindsItSoldOut() {
        long customer = shop.registerCustomer(SELLER, "Flash Kiln " + RUN);
        shop.approveWithActiveCard(customer, SELLER);
        BigDecimal sellerBefore = ShopUi.balance(SELLER, PASSWORD);
        BigDecimal buyerBefore = ShopUi.balance(BUYER, PASSWORD);
        shop.becomeSeller(SELLER);
        long item = ShopUi.offerItem(ShopUi.accessToken(SELLER, PASSWORD), TITLE, "88.00", 5);

        // the shop admin approves the item and schedules one unit at 8.80 (a price of 88.00 is refused at its field)
        shop.signInAsShopAdmin();
        ui.open("shop", "/admin/review.xhtml?lang=en");
        shop.approveInReviewQueue(TITLE);
        ui.open("shop", "/admin/flash.xhtml?lang=en");
        LocalDateTime now = LocalDateTime.now();
        fillSchedule(item, "88.00", 1, now, now.plusHours(1), 300);
        ui.click(By.id("schedule:submit"));
        shop.fieldSays("schedule:price-message", "below the item's own price");
        fillSchedule(item, "8.80", 1, LocalDateTime.now(), now.plusHours(1), 300);
        ui.click(By.id("schedule:submit"));
        shop.fieldSays("admin-messages", "scheduled");
        assertThat(shop.text("sales:table")).contains(TITLE).contains("1 of 1 left");
        shop.signOutAndForgetTheBrowser();

        // bob grabs it, checks it out and pays the flash price at the bank's cashier
        shop.signInWithTheBank(BUYER);
        ui.open("shop", "/flash.xhtml?lang=en");
        ui.click(By.xpath("//div[contains(@class,'flash-card')][.//*[contains(text(),'" + TITLE + "')]]"
                + "//button[contains(@id,'grab')]"));
        shop.fieldSays("flash:messages", "You got one");
        shop.docScreenshot("shop-flash-en");
        ui.click(By.xpath("//tr[.//*[contains(text(),'" + TITLE + "')]]//a[contains(@id,'checkout-claim')]"));
        ui.waits().until(ExpectedConditions.urlContains("/checkout/flash.xhtml"));
        assertThat(shop.text("total")).contains("8.80");
        ui.type(By.id("flash-checkout:contactName"), "Bob 鲍勃");
        ui.type(By.id("flash-checkout:phone"), "+86 138 0013 8000");
        ui.type(By.id("flash-checkout:address"), "1 Century Avenue, Pudong, Shanghai");
        ui.click(By.id("flash-checkout:place"));
        ui.waits().until(ExpectedConditions.urlContains("/bank/portal/pay.xhtml"));
        assertThat(shop.text("pay:total")).isEqualTo("8.80");
        shop.payAtTheCashier(BUYER, "123456");
        ui.click(By.id("pay:return"));
        ui.waits().until(ExpectedConditions.urlContains("/shop/checkout/done"));
        ui.waits().until(d -> "PAID".equals(d.findElement(By.id("checkout-status")).getAttribute("data-status")));
        shop.openWithLanguage("/flash.xhtml", "zh-CN");
        shop.docScreenshot("shop-flash-zh");
        ui.open("shop", "/index.xhtml?lang=en");
        shop.signOutAndForgetTheBrowser();

        assertThat(ShopUi.balance(BUYER, PASSWORD)).isEqualByComparingTo(buyerBefore.subtract(new BigDecimal("8.80")));
        assertThat(ShopUi.balance(SELLER, PASSWORD)).isEqualByComparingTo(sellerBefore.add(new BigDecimal("8.80")));

        // the one unit is gone: alice is told so at once, bob may not have a second
        long sale = saleOf(item);
        var alice = claim(sale, "alice@example.com");
        assertThat(alice.statusCode()).as(alice.body()).isEqualTo(409);
        assertThat(alice.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(alice.body()).contains("flash-sold-out");
        // (once the pool is empty everyone is told "sold out" first, bob too; in-container FlashSaleIT checks the
        // already-claimed answer while units are left)
        var bob = claim(sale, BUYER);
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(409);
        var claims = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/flash-sales/claims"), "Authorization",
                "Bearer " + ShopUi.accessToken(BUYER, PASSWORD));
        assertThat(claims.statusCode()).as(claims.body()).isEqualTo(200);
        var ofThisSale = jakarta.json.Json.createReader(new java.io.StringReader(claims.body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("saleId").longValue() == sale).toList();
        assertThat(ofThisSale).hasSize(1);
        assertThat(ofThisSale.get(0).getString("status")).isEqualTo("ORDERED");

        // the admin sees the unit paid
        shop.signInAsShopAdmin();
        ui.open("shop", "/admin/flash.xhtml?lang=en");
        assertThat(shop.text("sales:table")).contains("paid 1");
        shop.docScreenshot("shop-admin-flash-en");
        shop.signOutAndForgetTheBrowser();
    }

    private static void fillSchedule(long item, String price, int units, LocalDateTime start, LocalDateTime end,
                                     int hold) {
        number("schedule:itemId", item);
        ui.type(By.id("schedule:price"), price);
        number("schedule:units", units);
        date("schedule:startsAt", start);
        date("schedule:endsAt", end);
        number("schedule:claimHoldSeconds", hold);
    }

    /** A PrimeFaces inputNumber: its widget takes the value (typing over its formatted text is unreliable). */
    private static void number(String id, long value) {
        ui.waits().until(ExpectedConditions.elementToBeClickable(By.id(id + "_input")));
        ((JavascriptExecutor) ui.driver()).executeScript("PrimeFaces.getWidgetById(arguments[0]).setValue(arguments[1]);",
                id, value);
    }

    /** A PrimeFaces datePicker with time: its widget takes the date (the browser's zone is the server's here). */
    private static void date(String id, LocalDateTime value) {
        ui.waits().until(ExpectedConditions.elementToBeClickable(By.id(id + "_input")));
        ((JavascriptExecutor) ui.driver()).executeScript(
                "PrimeFaces.getWidgetById(arguments[0]).setDate(new Date(arguments[1]));", id,
                value.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
        assertThat(ui.driver().findElement(By.id(id + "_input")).getAttribute("value")).isEqualTo(TYPED.format(value));
    }

    private static long saleOf(long item) {
        var r = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/flash-sales"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(s -> s.getJsonNumber("itemId").longValue() == item).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static java.net.http.HttpResponse<String> claim(long sale, String email) {
        return TriadHttp.post(TriadHttp.uri("shop", "/api/v1/flash-sales/" + sale + "/claims"), "application/json", "",
                "Authorization", "Bearer " + ShopUi.accessToken(email, PASSWORD));
    }
}
