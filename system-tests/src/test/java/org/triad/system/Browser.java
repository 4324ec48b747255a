package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * One headless Chromium (Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver}) and a
 * {@link WebDriverWait} for the system tests' browser journeys. Screenshots land in {@code target/screenshots/}.
 * <p>
 * The browser does not know our development CA; the session accepts its certificates with
 * {@link ChromeOptions#setAcceptInsecureCerts} (no {@code --ignore-certificate-errors}). The chromedriver path is set
 * explicitly so that Selenium Manager never downloads a driver or browser.
 */
final class Browser {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        // ajax updates replace elements while a condition reads them: try again rather than fail
        this.wait = (WebDriverWait) new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
    }

    /** A browser with a 1400×1000 window. */
    static Browser start() {
        return start(1400, 1000);
    }

    /** A browser with the given window size and any further Chromium arguments (e.g. a user agent). */
    static Browser start(int width, int height, String... moreArguments) {
        String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("triad.chromium", "/usr/bin/chromium");
        assertThat(Path.of(driverPath)).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        assertThat(Path.of(chromium)).as("chromium (apt-get install chromium)").isExecutable();
        System.setProperty("webdriver.chrome.driver", driverPath);

        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-US",
                // a loaded machine must not starve the headless renderer ("Timed out receiving message from renderer")
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows"));
        String trusted = platformCertificateKeys();
        if (!trusted.isEmpty()) {
            // the listeners' certificates count as valid (not merely accepted): pages are secure contexts without a
            // certificate error, which WebAuthn (passkeys) requires
            arguments.add("--ignore-certificate-errors-spki-list=" + trusted);
        }
        arguments.addAll(List.of(moreArguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(arguments);
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath).toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            driver.quit();
            throw new UncheckedIOException(e);
        }
        return new Browser(driver);
    }

    /**
     * The base64 SHA-256 of the public keys (SPKI) of the platform's HTTPS listeners, comma separated, read from the
     * certificates they serve now (TLS verified against Triad's root); listeners that do not answer are left out.
     */
    static String platformCertificateKeys() {
        List<String> hashes = new ArrayList<>();
        javax.net.ssl.SSLSocketFactory factory = TriadHttp.trustingPlatformCertificates()
                .getSocketFactory();
        for (String app : List.of("ca", "bank", "shop")) {
            java.net.URI uri = java.net.URI.create(TriadHttp.baseUrl(app));
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) factory.createSocket(uri.getHost(),
                    uri.getPort())) {
                socket.startHandshake();
                java.security.cert.Certificate leaf = socket.getSession().getPeerCertificates()[0];
                byte[] spki = leaf.getPublicKey().getEncoded();
                hashes.add(java.util.Base64.getEncoder().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(spki)));
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                // not answering: its pages are only accepted, as before
            }
        }
        return String.join(",", hashes);
    }

    /**
     * For {@code @RegisterExtension}: a failing test leaves a screenshot of what the browser showed, named
     * {@code prefix + test method name}. The supplier is read after the test (the browser starts in {@code @BeforeAll}).
     */
    static AfterTestExecutionCallback screenshotOnFailure(Supplier<Browser> browser, String prefix) {
        return context -> {
            Browser b = browser.get();
            if (context.getExecutionException().isPresent() && b != null) {
                b.screenshot(prefix + context.getRequiredTestMethod().getName());
            }
        };
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waits() {
        return wait;
    }

    /** Opens a path of one of the platform's applications ({@code bank}, {@code ca}, ...). */
    void open(String app, String path) {
        driver.get(TriadHttp.baseUrl(app) + path);
    }

    void type(By by, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(by));
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        // found and clicked in one step, again if an Ajax update (a poll, e.g. the cashier's status) replaced the
        // element in between: a StaleElementReferenceException then means "find it again", not a failure
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by its label through the widget: clicking the animated overlay
     * panel proved flaky in headless Chromium (the closing panel covered the button below it).
     */
    void choose(String menuId, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(menuId)));
        Object value = ((JavascriptExecutor) driver).executeScript(
                "const select = document.getElementById(arguments[0] + '_input');"
                        + "const option = Array.from(select.options).find(o => o.text === arguments[1]);"
                        + "if (!option) { return null; }"
                        + "PrimeFaces.getWidgetById(arguments[0]).selectValue(option.value);"
                        + "return option.value;", menuId, label);
        assertThat(value).as("option " + label + " of " + menuId).isNotNull();
        wait.until(d -> label.equals(d.findElement(By.id(menuId + "_label")).getText()));
    }

    /** Saves {@code target/screenshots/<name>.png}, replacing an older one. */
    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

    void quit() {
        driver.quit();
    }
}
