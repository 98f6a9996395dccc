package id.satupintu.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium for a test class. Register it as a static field with {@code @RegisterExtension}; it starts
 * the browser before the first test, points it at the application's random port, forgets cookies and the phone
 * viewport before every test (so tests do not depend on their order), takes a screenshot of a failing test's page
 * and quits the browser after the last test. A test that plays two people (a citizen and an officer) registers two,
 * each with a name, so that they keep separate sessions.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        TestExecutionExceptionHandler {

    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 740;

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String name;
    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;
    private String base;
    private boolean onPhone;

    public Browser() {
        this("");
    }

    /** A browser named for the person using it, which names its screenshot of a failing test. */
    public Browser(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("satupintu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        base = "http://localhost:" + port;
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        desktop();
        consoleErrors(); // drop what earlier tests left in the log
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            if (driver != null) {
                screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + (name.isEmpty() ? "" : "-" + name));
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, such as {@code /malls/36.71}, and waits for the page's main content. */
    public Browser open(String path) {
        driver.get(base + path);
        return waitForPage();
    }

    /** Waits until a page (any page of the application) has loaded. */
    public Browser waitForPage() {
        until(d -> "complete".equals(js("return document.readyState")));
        until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        return this;
    }

    /**
     * Fetches a path of the application outside the browser but with its cookies (so signed in as its user), for
     * what the browser would download rather than show, such as a PDF.
     */
    public HttpResponse<byte[]> fetch(String path) {
        String cookies = driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Cookie", cookies).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of an element. */
    public String text(String css) {
        return find(css).getText();
    }

    /** The visible text of the page's main content. */
    public String mainText() {
        return text("main");
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Clicks and waits for the page the click leads to. */
    public Browser clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        until(d -> isGone(html));
        return waitForPage();
    }

    /**
     * Whether an element of the page before has left the document. Chromium reports an element of a page being torn
     * down either as stale or, for a moment, as a node that "does not belong to the document"; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public Browser clickAndWait(String css) {
        return clickAndWait(find(css));
    }

    /** Replaces the text of a field as a user does: select all, type over it. */
    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
        return this;
    }

    /** Sets the value of a date or time field, whose keyboard entry depends on the browser's locale. */
    public Browser setValue(String css, String value) {
        WebElement field = find(css);
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Browser desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        onPhone = false;
        return this;
    }

    /** A phone: 360 by 740 CSS pixels, mobile viewport (honours the page's viewport meta tag). */
    public Browser phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        onPhone = true;
        return this;
    }

    /** Whether some of the element is inside the visible part of the page (not scrolled away). */
    public boolean inViewport(WebElement element) {
        return (Boolean) js("""
                const r = arguments[0].getBoundingClientRect();
                return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;""",
                element);
    }

    /**
     * The width the page has to fit. On a phone that is the phone's width: a mobile browser lays out a page that is
     * too wide on a wider viewport and shrinks it, so the window's own width would grow with the fault it should show.
     */
    public long viewportWidth() {
        long inner = ((Number) js("return window.innerWidth")).longValue();
        return onPhone ? Math.min(inner, PHONE_WIDTH) : inner;
    }

    /** The width of the page's content; larger than the viewport when the page scrolls sideways. */
    public long contentWidth() {
        return ((Number) js("return document.documentElement.scrollWidth")).longValue();
    }

    /** Fails when the page is wider than the viewport, naming what sticks out. */
    public void assertNoSidewaysScrolling() {
        assertThat(contentWidth()).as("page is wider than the %s px viewport on %s; sticking out: %s",
                viewportWidth(), path(), overflowingElements())
                .isLessThanOrEqualTo(viewportWidth());
    }

    /** Elements that stick out past the right edge of the viewport, for a helpful failure message. */
    @SuppressWarnings("unchecked")
    public List<String> overflowingElements() {
        return (List<String>) js("""
                const w = arguments[0]; const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w + 0.5 && r.width > 0) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                      + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 10);""", viewportWidth());
    }

    /** Severe messages in the browser's console since the last call (failed loads, script errors, CSP). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Writes a PNG of the whole page (not only the viewport) to {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            byte[] png;
            try {
                Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
                Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
                double width = ((Number) js("return window.innerWidth")).doubleValue();
                double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
                Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                        "format", "png", "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
                png = Base64.getDecoder().decode((String) shot.get("data"));
            } catch (RuntimeException e) {
                png = driver.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
