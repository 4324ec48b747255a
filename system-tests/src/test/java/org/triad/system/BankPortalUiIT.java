package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * The browser and its settings come from {@link Browser}; the mail codes from {@link MailCodes}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankPortalUiIT {

    private static final String PASSWORD = "triad-dev-pass";
    private static final String PAY_PASSWORD = "123456";

    private static Browser ui;
    private static BankUi bank;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static MailCodes mail;
    private static String pendingEmail;
    private static final String NEW_PAY_PASSWORD = "246813";
    private static final String NEW_PASSWORD = "a-new-long-password-1";
    private static final String RESET_PASSWORD = "reset-by-mail-password-2";
    private static String daveEmail;
    private static String daveCard;
    private static String davePassword = PASSWORD;

    /** A failing test leaves a screenshot of what the browser showed. */
    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui, "failed-");

    @BeforeAll
    static void start() {
        mail = MailCodes.start();
        openBrowser();
    }

    private static void openBrowser() {
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
    @Order(1)
    void aPortalPageSendsToSignInAndAWrongPasswordShowsAnError() {
        bank.open("/portal/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("next=");

        bank.signIn("alice@example.com", "not-the-password");

        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:messages")));
        assertThat(messages.getText()).contains("Sign-in failed").contains("password is wrong");
        // said once, next to the form: not again by the passkey form or the growl
        assertThat(browser.findElement(By.id("passkeySignin:messages")).getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".ui-growl-item"))).isEmpty();
        assertThat(browser.getCurrentUrl()).contains("/signin.xhtml");
        assertThat(browser.findElements(By.id("shell:signout"))).isEmpty();
        ui.screenshot("bank-signin-failed");
    }

    @Test
    @Order(2)
    void aliceSeesHerCardsAndMovesMoneyToBobInTwoSteps() {
        String bobsCard = cardNumberOf("bob@example.com");

        bank.open("/portal/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn("alice@example.com", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));

        WebElement cards = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dash:cards")));
        assertThat(cards.getText()).contains("6222 ****").contains("Active");
        assertThat(browser.findElement(By.id("total")).getText()).matches("(?s).*\\d[\\d,]*\\.\\d\\d.*CNY.*");
        // the owner may show the full number; balances can be hidden
        ui.click(By.cssSelector("[id$=':show']"));
        wait.until(d -> d.findElement(By.cssSelector(".card-number")).getText().matches("6222 \\d{4} \\d{4} \\d{4} \\d{3}"));
        ui.click(By.id("dash:toggle-balances"));
        wait.until(d -> d.findElement(By.id("total")).getText().contains("******"));
        ui.click(By.id("dash:toggle-balances"));
        wait.until(d -> !d.findElement(By.id("total")).getText().contains("******"));
        ui.screenshot("bank-dashboard");

        // step 1: details; a 3-decimal amount is refused at the field
        bank.open("/portal/transfer.xhtml");
        ui.type(By.id("transfer:toCard"), bobsCard);
        ui.type(By.id("transfer:amount"), "1.005");
        ui.click(By.id("transfer:next"));
        wait.until(d -> !d.findElements(By.cssSelector("[id='transfer:messages'] .ui-messages-error")).isEmpty());
        assertThat(browser.findElement(By.id("transfer:messages")).getText()).contains("at most two decimals");
        ui.type(By.id("transfer:amount"), "12.34");
        ui.click(By.id("transfer:next"));

        // step 2: the recipient's masked name, pay password and the mailed code
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recipient-name")));
        assertThat(name.getText()).contains("*");
        assertThat(browser.findElement(By.id("recipient-number")).getText()).startsWith("6222 ****")
                .endsWith(bobsCard.substring(bobsCard.length() - 4));
        ui.click(By.id("confirm:send-code"));
        String code = mail.code("alice@example.com", "confirm your transfer");
        ui.type(By.id("confirm:payPassword"), PAY_PASSWORD);
        ui.type(By.id("confirm:code"), code);
        ui.screenshot("bank-transfer-confirm");
        ui.click(By.id("confirm:submit"));

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done:receipt")));
        assertThat(receipt.getText()).contains("Transferred").contains("12.34");

        bank.open("/portal/history.xhtml");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:table")));
        assertThat(table.getText()).contains("Transfer").contains("-12.34")
                .contains("***" + bobsCard.substring(bobsCard.length() - 4));
        // filter by type: deposits only do not show the transfer
        ui.choose("filters:type", "Deposit");
        ui.click(By.id("filters:search"));
        wait.until(d -> !d.findElement(By.id("filters:table")).getText().contains("-12.34"));
        ui.choose("filters:type", "Transfer");
        ui.click(By.id("filters:search"));
        wait.until(d -> d.findElement(By.id("filters:table")).getText().contains("-12.34"));
        ui.screenshot("bank-history");

        bank.signOut();
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
                "{\"email\":\"" + pendingEmail + "\",\"code\":\"" + mail.code(pendingEmail, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        browser.manage().deleteAllCookies();
        bank.open("/clerk/kyc.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/kyc.xhtml"));
        WebElement queue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kyc:queue")));
        assertThat(queue.getText()).contains(pendingEmail);
        ui.screenshot("bank-kyc-queue");

        WebElement row = browser.findElement(By.xpath("//tr[.//span[contains(@class,'customer-email') and text()='"
                + pendingEmail + "']]"));
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(d -> !d.findElement(By.id("kyc:queue")).getText().contains(pendingEmail));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kyc:messages"), "approved"));

        var customers = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/clerk/customers?q=" + pendingEmail),
                "Authorization", basic("clerk", PASSWORD));
        assertThat(customers.body()).contains("\"kycStatus\":\"APPROVED\"");

        // every back-office screen opens from the menu's targets
        for (String page : List.of("/clerk/customers.xhtml", "/clerk/transactions.xhtml", "/clerk/audit.xhtml",
                "/clerk/deliveries.xhtml")) {
            bank.open(page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bank-page-head h1")));
            assertThat(browser.findElements(By.cssSelector(".ui-datatable"))).as(page).isNotEmpty();
        }
        ui.screenshot("bank-clerk-audit");
        bank.signOut();
    }

    @Test
    @Order(4)
    void aNewCustomerOpensACardMovesMoneyExportsAndManagesSecurity() {
        daveEmail = "ui-dave-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5)) + "@example.com";
        long dave = registerAndActivateInTheBrowser("Dave Newcomer", daveEmail);
        var approved = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/clerk/customers/" + dave + "/kyc"),
                "application/json", "{\"decision\":\"APPROVE\"}", "Authorization", basic("clerk", PASSWORD));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        browser.manage().deleteAllCookies();
        bank.open("/portal/dashboard.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        bank.signIn(daveEmail, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));

        // apply for a card and activate it with the mailed code
        ui.click(By.id("dash:apply"));
        mail.code(daveEmail, "activate your card"); // applying mails the first code
        ui.click(By.cssSelector("[id$=':send-code']"));
        String cardCode = mail.code(daveEmail, "activate your card", 2); // a new one replaces it
        ui.type(By.cssSelector("[id$=':card-code']"), cardCode);
        ui.click(By.cssSelector("[id$=':activate']"));
        wait.until(d -> d.findElement(By.id("dash:cards")).getText().contains("Active"));
        daveCard = cardNumberOf(daveEmail, PASSWORD);

        // deposit with a mailed code: the dashboard shows the balance
        bank.open("/portal/deposit.xhtml");
        ui.type(By.id("deposit:amount"), "500.00");
        ui.click(By.id("deposit:send-code"));
        String depositCode = mail.code(daveEmail, "confirm your deposit");
        ui.type(By.id("deposit:code"), depositCode);
        ui.click(By.id("deposit:submit"));
        wait.until(d -> d.findElement(By.id("deposit:messages")).getText().contains("500.00"));
        ui.screenshot("bank-deposit-done");
        assertThat(dashboardTotal()).isEqualTo("500.00");

        // a new pay password, confirmed by a mailed code; then a withdrawal with it
        bank.open("/portal/profile.xhtml");
        ui.type(By.id("payPassword:newPayPassword"), NEW_PAY_PASSWORD);
        ui.type(By.id("payPassword:confirmPayPassword"), NEW_PAY_PASSWORD);
        ui.click(By.id("payPassword:send-code"));
        String payCode = mail.code(daveEmail, "change your pay password");
        ui.type(By.id("payPassword:code"), payCode);
        ui.click(By.id("payPassword:submit"));
        wait.until(d -> d.findElement(By.id("payPassword:messages")).getText().contains("Pay password changed"));

        bank.open("/portal/withdraw.xhtml");
        ui.type(By.id("withdraw:amount"), "120.50");
        ui.type(By.id("withdraw:payPassword"), PAY_PASSWORD);
        ui.click(By.id("withdraw:submit"));
        wait.until(d -> d.findElement(By.id("withdraw:messages")).getText().contains("pay password is wrong"));
        ui.type(By.id("withdraw:amount"), "120.50");
        ui.type(By.id("withdraw:payPassword"), NEW_PAY_PASSWORD);
        ui.click(By.id("withdraw:submit"));
        wait.until(d -> d.findElement(By.id("withdraw:messages")).getText().contains("120.50"));
        ui.screenshot("bank-withdraw-done");
        assertThat(dashboardTotal()).isEqualTo("379.50");

        // the history's CSV export, posted with the page's own form and session
        bank.open("/portal/history.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:table")));
        Map<?, ?> csv = csvDownload("filters", "filters:csv");
        assertThat(String.valueOf(csv.get("type"))).startsWith("text/csv");
        assertThat(String.valueOf(csv.get("disposition"))).contains("attachment").contains("transactions.csv");
        assertThat(String.valueOf(csv.get("body")))
                .startsWith("date,type,status,direction,amount,currency,balance_after,card,counterparty,entry_id")
                .contains("DEPOSIT").contains("500.00").contains("WITHDRAWAL").contains("120.50").contains("379.50");

        // profile: a new name shows in the header
        bank.open("/portal/profile.xhtml");
        ui.type(By.id("profile:nickname"), "Dave Renamed");
        ui.click(By.id("profile:save"));
        wait.until(d -> d.findElement(By.id("profile:messages")).getText().contains("Dave Renamed"));
        bank.open("/portal/profile.xhtml");
        wait.until(d -> d.findElement(By.id("signed-in-as")).getText().contains("Dave Renamed"));
        ui.screenshot("bank-profile");

        // sessions: the browser is the current one; signing out an API session makes its token 401
        String apiToken = apiSession(daveEmail, PASSWORD, "UiIT-API-client/1");
        assertThat(cardsWithToken(apiToken)).isEqualTo(200);
        bank.open("/portal/sessions.xhtml");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions:list")));
        assertThat(list.getText()).contains("UiIT-API-client/1").contains("This device")
                // the Devices page: the kind of each device (this browser, the API client)
                .contains("Browser").contains("API client");
        ui.screenshot("bank-sessions");
        browser.findElement(By.xpath("//tr[.//*[contains(text(),'UiIT-API-client/1')]]"))
                .findElement(By.cssSelector("button[id$=':revoke']")).click();
        wait.until(d -> !d.findElement(By.id("sessions:list")).getText().contains("UiIT-API-client/1"));
        assertThat(cardsWithToken(apiToken)).isEqualTo(401);

        // "sign out all other sessions" ends every API session, the browser stays signed in
        String second = apiSession(daveEmail, PASSWORD, "UiIT-API-client/2");
        String third = apiSession(daveEmail, PASSWORD, "UiIT-API-client/3");
        bank.open("/portal/sessions.xhtml");
        wait.until(d -> d.findElement(By.id("sessions:list")).getText().contains("UiIT-API-client/3"));
        ui.click(By.id("sessions:revoke-others"));
        ui.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(d -> !d.findElement(By.id("sessions:list")).getText().contains("UiIT-API-client"));
        assertThat(cardsWithToken(second)).isEqualTo(401);
        assertThat(cardsWithToken(third)).isEqualTo(401);
        bank.open("/portal/sessions.xhtml");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions:list"))).getText())
                .contains("This device");

        // login password: the current one must be right; a change signs out the other sessions
        String fourth = apiSession(daveEmail, PASSWORD, "UiIT-API-client/4");
        bank.open("/portal/profile.xhtml");
        ui.type(By.id("password:currentPassword"), "not-my-password-at-all");
        ui.type(By.id("password:newPassword"), NEW_PASSWORD);
        ui.type(By.id("password:confirmPassword"), NEW_PASSWORD);
        ui.click(By.id("password:submit"));
        wait.until(d -> d.findElement(By.id("password:messages")).getText().contains("current password is wrong"));
        ui.type(By.id("password:currentPassword"), PASSWORD);
        ui.type(By.id("password:newPassword"), NEW_PASSWORD);
        ui.type(By.id("password:confirmPassword"), NEW_PASSWORD);
        ui.click(By.id("password:submit"));
        wait.until(d -> d.findElement(By.id("password:messages")).getText().contains("Password changed"));
        assertThat(cardsWithToken(fourth)).isEqualTo(401);
        bank.signOut();

        // forgotten password from the sign-in page: code by mail, then the new password
        bank.open("/signin.xhtml?lang=en");
        ui.click(By.id("signin:to-reset"));
        ui.type(By.id("reset:email"), daveEmail);
        ui.click(By.id("reset:send-code"));
        String resetCode = mail.code(daveEmail, "reset your password");
        ui.type(By.id("reset:code"), resetCode);
        ui.type(By.id("reset:newPassword"), RESET_PASSWORD);
        ui.type(By.id("reset:confirmPassword"), RESET_PASSWORD);
        ui.screenshot("bank-password-reset");
        ui.click(By.id("reset:submit"));
        wait.until(ExpectedConditions.urlContains("reset=true"));
        bank.signIn(daveEmail, RESET_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        davePassword = RESET_PASSWORD;
        bank.signOut();
    }

    @Test
    @Order(5)
    void aClerkRejectsWithAReasonAndFreezesACardThatThenRefusesTransfers() {
        String erinEmail = "ui-erin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5)) + "@example.com";
        registerActivatedCustomer("Erin Unclear", erinEmail);

        browser.manage().deleteAllCookies();
        bank.open("/signin.xhtml?lang=en");
        bank.signIn("clerk", PASSWORD);
        // staff land on the back office's overview
        wait.until(ExpectedConditions.urlContains("/clerk/index.xhtml"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting"))).getText())
                .matches("\\d+\\+?");
        ui.screenshot("bank-staff-home");

        ui.click(By.id("tile-kyc"));
        wait.until(d -> d.findElement(By.id("kyc:queue")).getText().contains(erinEmail));
        browser.findElement(By.xpath("//tr[.//span[contains(@class,'customer-email') and text()='" + erinEmail + "']]"))
                .findElement(By.cssSelector("button[id$=':reject']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reject:reason")));
        ui.click(By.id("reject:confirm-reject"));
        wait.until(d -> d.findElement(By.cssSelector("[id='reject'] .ui-message-error")).getText().contains("Give a reason"));
        ui.type(By.id("reject:reason"), "Identity document unreadable");
        ui.screenshot("bank-kyc-reject");
        ui.click(By.id("reject:confirm-reject"));
        wait.until(d -> !d.findElement(By.id("kyc:queue")).getText().contains(erinEmail));
        var erin = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/clerk/customers?q=" + erinEmail),
                "Authorization", basic("clerk", PASSWORD));
        assertThat(erin.body()).contains("\"kycStatus\":\"REJECTED\"").contains("Identity document unreadable");

        // erin reports a lost phone: the clerk sees her devices and signs her out everywhere
        String erinPhone = apiSession(erinEmail, PASSWORD, "Erin's phone");
        assertThat(cardsWithToken(erinPhone)).isEqualTo(200);
        bank.open("/clerk/customers.xhtml");
        ui.type(By.id("search:text"), erinEmail);
        ui.click(By.id("search:go"));
        wait.until(d -> d.findElement(By.id("search:customers")).getText().contains(erinEmail));
        ui.click(By.cssSelector("button[id$=':cards']"));
        WebElement devicesPanel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search:devices-panel")));
        assertThat(devicesPanel.getText()).contains("Erin's phone").contains("API client");
        assertThat(browser.findElement(By.id("active-devices")).getText()).isEqualTo("One device is signed in.");
        ui.click(By.id("search:sign-out-all"));
        ui.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search:messages"), "Signed out everywhere"));
        wait.until(d -> d.findElement(By.id("active-devices")).getText().equals("No device is signed in."));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        ui.screenshot("bank-clerk-signed-out-everywhere");
        assertThat(cardsWithToken(erinPhone)).isEqualTo(401);

        // freeze dave's card from the customer search; the row links to his transactions
        bank.open("/clerk/customers.xhtml");
        ui.type(By.id("search:text"), daveEmail);
        ui.click(By.id("search:go"));
        wait.until(d -> d.findElement(By.id("search:customers")).getText().contains(daveEmail));
        ui.click(By.cssSelector("button[id$=':cards']"));
        ui.click(By.cssSelector("button[id$=':freeze']"));
        ui.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(d -> d.findElement(By.id("search:card-panel")).getText().contains("Frozen"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        ui.screenshot("bank-clerk-frozen");
        ui.click(By.cssSelector("a[id$=':transactions'], [id$=':transactions'] a"));
        wait.until(ExpectedConditions.urlContains("/clerk/transactions.xhtml?customer="));
        assertThat(browser.findElement(By.id("filters:customer")).getAttribute("value")).matches("\\d+");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:table")));
        assertThat(table.getText()).contains("500.00").contains("120.50").doesNotContain("12.34");
        ui.screenshot("bank-clerk-customer-transactions");
        bank.signOut();

        // a transfer to the frozen card is refused at the card number field
        bank.open("/portal/transfer.xhtml?lang=en");
        bank.signIn("alice@example.com", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/transfer.xhtml"));
        ui.type(By.id("transfer:toCard"), daveCard);
        ui.type(By.id("transfer:amount"), "1.00");
        ui.click(By.id("transfer:next"));
        WebElement fieldMessage = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='transfer:toCard_message'], .ui-message-error")));
        assertThat(fieldMessage.getText()).contains("no active card");
        assertThat(browser.findElements(By.id("recipient-name"))).isEmpty();
        ui.screenshot("bank-transfer-frozen-refused");
        bank.signOut();

        // unfreeze: the card takes transfers again
        bank.open("/clerk/customers.xhtml?lang=en");
        bank.signIn("clerk", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/clerk/customers.xhtml"));
        ui.type(By.id("search:text"), daveEmail);
        ui.click(By.id("search:go"));
        wait.until(d -> d.findElement(By.id("search:customers")).getText().contains(daveEmail));
        ui.click(By.cssSelector("button[id$=':cards']"));
        ui.click(By.cssSelector("button[id$=':unfreeze']"));
        wait.until(d -> d.findElement(By.id("search:card-panel")).getText().contains("Active"));
        bank.signOut();
        var recipient = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/recipients?cardNumber=" + daveCard),
                "Authorization", basic("alice@example.com", PASSWORD));
        assertThat(recipient.statusCode()).as(recipient.body()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void theDashboardAndSecurityPagesSpeakChinese() {
        // A new visitor in a fresh browser: twice in CI the long-lived browser's renderer stopped answering on the
        // first Chinese page after the earlier tests (no page, then "timed out receiving message from renderer").
        ui.quit();
        openBrowser();
        bank.open("/signin.xhtml?lang=zh-CN");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin:submit"))).getText())
                .contains("登录");
        bank.signIn("alice@example.com", PASSWORD);
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        WebElement head = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bank-page-head h1")));
        assertThat(head.getText()).isEqualTo("我的银行卡");
        assertThat(browser.findElement(By.id("dash:cards")).getText()).contains("正常").contains("6222 ****");
        assertThat(browser.findElement(By.id("dash:toggle-balances")).getText()).doesNotContainPattern("[A-Za-z]{3,}");
        ui.screenshot("bank-dashboard-zh");
        bank.open("/portal/sessions.xhtml");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions:list"))).getText())
                .contains("本设备");
        ui.screenshot("bank-sessions-zh");
        bank.open("/portal/profile.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password:submit")));
        assertThat(browser.findElement(By.cssSelector(".bank-page-head h1")).getText()).isEqualTo("个人资料与安全");
        ui.screenshot("bank-profile-zh");
        bank.signOut();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Registers on register.xhtml and activates on activate.xhtml with the mailed code; returns the id. */
    private static long registerAndActivateInTheBrowser(String nickname, String email) {
        browser.manage().deleteAllCookies();
        bank.open("/register.xhtml?lang=en");
        ui.type(By.id("register:nickname"), nickname);
        ui.type(By.id("register:email"), email);
        ui.type(By.id("register:password"), PASSWORD);
        ui.type(By.id("register:payPassword"), PAY_PASSWORD);
        ui.click(By.id("register:submit"));
        wait.until(ExpectedConditions.urlContains("/activate.xhtml"));
        ui.screenshot("bank-activate");
        ui.type(By.id("activate:code"), mail.code(email, "activate your account"));
        ui.click(By.id("activate:submit"));
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        var found = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/clerk/customers?q="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)),
                "Authorization", basic("clerk", PASSWORD));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var customer = jakarta.json.Json.createReader(new java.io.StringReader(found.body())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("email").equals(email)).findFirst().orElseThrow();
        assertThat(customer.getString("status")).isEqualTo("ACTIVE");
        return customer.getJsonNumber("id").longValue();
    }

    private static long registerActivatedCustomer(String nickname, String email) {
        var registered = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers"), "application/json",
                "{\"nickname\":\"" + nickname + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"payPassword\":\"" + PAY_PASSWORD + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var activated = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/customers/activation"), "application/json",
                "{\"email\":\"" + email + "\",\"code\":\"" + mail.code(email, "activate your account") + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return TriadHttp.json(activated).getJsonNumber("id").longValue();
    }

    /** Opens an API session (as an app would) and returns its bearer token. */
    private static String apiSession(String email, String password, String userAgent) {
        var response = TriadHttp.post(TriadHttp.uri("bank", "/api/v1/sessions"), "application/json", "",
                "Authorization", basic(email, password), "User-Agent", userAgent);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TriadHttp.json(response).getString("token");
    }

    private static int cardsWithToken(String token) {
        return TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization", "Bearer " + token).statusCode();
    }

    /** The dashboard's total balance, as shown (balances visible). */
    private static String dashboardTotal() {
        bank.open("/portal/dashboard.xhtml");
        String total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total"))).getText();
        return total.replace("CNY", "").replace(",", "").trim();
    }

    /**
     * Submits the page's form with its CSV button the way the browser would (same cookies, view state) and returns
     * the response's content type, disposition and body.
     */
    private static Map<?, ?> csvDownload(String formId, String buttonId) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.getElementById(arguments[0]);"
                        + "const data = new URLSearchParams(new FormData(form));"
                        + "data.append(arguments[1], arguments[1]);"
                        + "fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('Content-Type'),"
                        + " disposition: r.headers.get('Content-Disposition'), body: t})))"
                        + ".catch(e => done({status: 0, body: String(e)}));",
                formId, buttonId);
        assertThat(result).isInstanceOf(Map.class);
        Map<?, ?> response = (Map<?, ?>) result;
        assertThat(((Number) response.get("status")).intValue()).as(String.valueOf(response.get("body"))).isEqualTo(200);
        return response;
    }

    private static String cardNumberOf(String email) {
        return cardNumberOf(email, PASSWORD);
    }

    private static String cardNumberOf(String email, String password) {
        var response = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization", basic(email, password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject card = Json.createReader(new StringReader(response.body())).readArray().getJsonObject(0);
        return card.getString("number");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
