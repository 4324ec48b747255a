package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The bank's cashier in headless Chromium against the running platform: the development merchant (the shop's app)
 * creates a payment over the API; bob opens its cashier URL, signs in with the bank, sees the merchant, the lines and
 * the total, asks for a code (read from the real mail), pays with pay password and code; the payment is PAID, bob's
 * card is debited by the total once, the page offers the way back to the merchant; and a second look at the cashier
 * says it is paid. The Chinese cashier is looked at too.
 */
class CashierUiIT {

    private static final String SHOP = "triad-shop";
    private static final String SHOP_SECRET = "triad-shop-dev-only-secret";
    private static final String PASSWORD = "triad-dev-pass";
    private static final String PAY_PASSWORD = "123456";

    private static Browser ui;
    private static BankUi bank;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static MailCodes mail;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui, "failed-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        ui = Browser.start();
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

    @Test
    void bobPaysTheShopAtTheCashierOnce() throws Exception {
        String token = token();
        JsonObject payment = create(token, "12.30", "7.70");
        String id = payment.getString("id");
        BigDecimal before = balance("bob@example.com");

        browser.get(payment.getString("cashier_url") + "?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn("bob@example.com", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/pay.xhtml"));
        assertThat(browser.findElement(By.id("pay:merchant")).getText()).isEqualTo("Triad Shop");
        assertThat(browser.findElement(By.id("pay:total")).getText()).isEqualTo("20.00");
        assertThat(browser.findElement(By.id("pay:lines")).getText()).contains("fee-1").contains("12.30")
                .contains("fee-2").contains("7.70");
        wait.until(d -> d.findElement(By.id("countdown")).getText().matches("\\d+:\\d\\d"));

        ui.click(By.id("pay:send-code"));
        String code = mail.code("bob@example.com", "confirm your payment");
        ui.type(By.id("pay:payPassword"), PAY_PASSWORD);
        ui.type(By.id("pay:code"), code);
        ui.screenshot("bank-cashier-en");
        ui.click(By.id("pay:submit"));
        wait.until(ExpectedConditions.textToBe(By.id("pay:status"), "Paid"));
        assertThat(browser.findElement(By.id("pay:messages")).getText()).contains("Paid").contains("Triad Shop");
        assertThat(browser.findElement(By.id("pay:return")).getAttribute("href"))
                .isEqualTo("https://localhost:10443/shop/checkout/done?payment_id=" + id);
        ui.screenshot("bank-cashier-paid-en");

        assertThat(status(token, id)).isEqualTo("PAID");
        assertThat(balance("bob@example.com")).isEqualByComparingTo(before.subtract(new BigDecimal("20.00")));
        // the back button / a second look: paid, nothing to confirm again
        browser.get(payment.getString("cashier_url"));
        wait.until(ExpectedConditions.textToBe(By.id("pay:status"), "Paid"));
        assertThat(browser.findElements(By.id("pay:submit"))).isEmpty();
        assertThat(balance("bob@example.com")).isEqualByComparingTo(before.subtract(new BigDecimal("20.00")));

        // the Chinese cashier of another payment
        JsonObject second = create(token, "1.00", "2.00");
        browser.get(second.getString("cashier_url").replace("/pay/", "/portal/pay.xhtml?payment=") + "&lang=zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("pay:status"), "等待付款"));
        assertThat(browser.findElement(By.id("pay:submit")).getText()).contains("立即付款");
        ui.screenshot("bank-cashier-zh");
        bank.signOut();

        // the back office finds the payment with its lines
        bank.open("/clerk/payments.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/payments.xhtml"));
        ui.type(By.id("lookup:paymentId"), id);
        ui.click(By.id("lookup:search"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup:results"), id));
        assertThat(browser.findElement(By.id("lookup:results")).getText()).contains("Triad Shop").contains("Paid")
                .contains("20.00");
        ui.click(By.cssSelector("[id='lookup:results'] .ui-row-toggler"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup:results"), "fee-2"));
        ui.screenshot("bank-clerk-payments");
        bank.signOut();
    }

    /** The shop's back end: its client certificate on every call (its tokens are bound to it, RFC 8705). */
    private static java.net.http.HttpClient shopTls() {
        try {
            return ClientTls.shop().client();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject create(String token, String a, String b) throws Exception {
        String total = new BigDecimal(a).add(new BigDecimal(b)).toPlainString();
        HttpResponse<String> r = ClientTls.post(shopTls(), TriadHttp.uri("bank", "/api/v1/payments"), "application/json",
                "{\"payees\":[{\"card_ref\":\"settlement\",\"amount\":" + a + ",\"merchant_order_id\":\"fee-1\"},"
                        + "{\"card_ref\":\"settlement\",\"amount\":" + b + ",\"merchant_order_id\":\"fee-2\"}],"
                        + "\"total\":" + total + ",\"currency\":\"CNY\","
                        + "\"return_url\":\"https://localhost:10443/shop/checkout/done\"}",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TriadHttp.json(r);
    }

    private static String status(String token, String id) throws Exception {
        return TriadHttp.json(ClientTls.get(shopTls(), TriadHttp.uri("bank", "/api/v1/payments/" + id), "Authorization",
                "Bearer " + token)).getString("status");
    }

    private static String token() throws Exception {
        HttpResponse<String> r = ClientTls.post(shopTls(), TriadHttp.uri("bank", "/oauth2/token"),
                "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=payments",
                "Authorization", basic(SHOP, SHOP_SECRET));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getString("access_token");
    }

    private static BigDecimal balance(String email) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization",
                basic(email, PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readArray().getJsonObject(0)
                .getJsonNumber("balance").bigDecimalValue();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
