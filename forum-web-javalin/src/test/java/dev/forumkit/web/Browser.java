package dev.forumkit.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through /usr/bin/chromedriver (Selenium never downloads a driver here).
 * Without the driver the browser tests are skipped on a developer's machine, and fail when {@code CI} is set.
 * Public for the example host's browser test, which takes it from this module's test jar instead of a copy.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(String base) {
        return open(base, true);
    }

    /** A browser with JavaScript on or off (off: the forum must work with its plain forms and links). */
    public static Browser open(String base, boolean javascript) {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            assumeTrue(System.getenv("CI") != null,
                    "no " + CHROMEDRIVER + ": browser tests skipped (apt-get install chromium chromium-driver)");
            throw new AssertionError(CHROMEDRIVER + " is missing but CI is set: install chromium chromium-driver");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: install chromium");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,800",
                    "--user-data-dir=" + Files.createTempDirectory("forumkit-chromium"));
            if (!javascript) {
                options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base).viewport(1280, 800);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    /** Clicks an element after scrolling it to the middle of the window, as a person would. */
    public Browser click(String css) {
        return click(find(css));
    }

    public Browser click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
        return this;
    }

    /** Types into a field after clearing it. */
    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /**
     * Waits for the condition; an element that went stale (the page changed under the look) is looked for again. Chrome
     * sometimes reports that race as "Node with given id does not belong to the document" instead of a stale element.
     */
    public <T> T await(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null; // the page was replaced between finding the element and reading it: look again
                        }
                        throw e;
                    }
                });
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public long scrollY() {
        return ((Number) js("return Math.round(window.scrollY);")).longValue();
    }

    /** A fresh visitor: no cookies left from the previous scenario. */
    public Browser forget() {
        go("/assets/forumkit.css");
        driver.manage().deleteAllCookies();
        return this;
    }

    public Browser signIn(String login, String password) {
        forget().go("/login");
        type("#login", login).type("#password", password);
        click(".stacked-form button[type=submit]");
        await(d -> has(".account-nav .me"));
        return this;
    }

    /**
     * Makes the page area exactly this size, phone sizes included (a headless window cannot be made that narrow):
     * Chromium's device emulation, as its developer tools do it.
     */
    public Browser viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        return this;
    }

    /** Saves the viewport as target/screenshots/{name}-{width}x{height}.png. */
    public Path screenshot(String name, int width, int height) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + "-" + width + "x" + height + ".png");
            // Chromium 150 now and then aborts a capture taken right after a load ("aborted by navigation: Not attached
            // to an active page", seen once in CI under load, never alone): wait for the document, then try again
            for (int attempt = 1; ; attempt++) {
                await(d -> "complete".equals(js("return document.readyState;")));
                try {
                    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                    return file;
                } catch (org.openqa.selenium.TimeoutException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
