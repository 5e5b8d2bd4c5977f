package dev.forumkit.markup;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hostile corpus in a real Chromium. One page per rendering path shows every vector as rendered, served from
 * 127.0.0.1 without a Content-Security-Policy so that the sanitiser alone stands between a vector and the page.
 * {@code alert}, {@code confirm}, {@code prompt}, {@code print} and {@code eval} are hooked and set a global flag;
 * after load, every element gets the usual events dispatched and spoilers are opened. Nothing may fire, no script
 * error may happen, and no script, frame, form, SVG, style or event-handler attribute may be in the DOM. The
 * browser resolves no host names, so no URL inside a vector is ever fetched.
 * <p>
 * Skipped only on a developer machine without {@code /usr/bin/chromedriver}; with {@code CI} set it fails instead.
 */
class BrowserSafetyIT {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String HOOKS = """
            <script id="forumkit-hooks">
            window.__forumkitXss = false;
            window.__forumkitFired = [];
            window.__forumkitErrors = [];
            (function () {
              function hook(name) {
                return function () {
                  window.__forumkitXss = true;
                  window.__forumkitFired.push(name + '(' + Array.prototype.slice.call(arguments).join(',') + ')');
                };
              }
              ['alert', 'confirm', 'prompt', 'print', 'eval'].forEach(function (n) { window[n] = hook(n); });
              window.addEventListener('error', function (e) {
                if (e instanceof ErrorEvent) { window.__forumkitErrors.push(String(e.message)); }
              }, true);
            })();
            </script>
            """;

    private static final String PROVOKE = """
            var done = arguments[arguments.length - 1];
            var events = ['mouseover', 'focus', 'animationstart', 'load', 'error', 'toggle'];
            document.querySelectorAll('details').forEach(function (d) { d.open = true; });
            document.querySelectorAll('body *').forEach(function (el) {
              events.forEach(function (type) { el.dispatchEvent(new Event(type)); });
            });
            setTimeout(function () {
              var handlers = 0;
              document.querySelectorAll('*').forEach(function (el) {
                for (var i = 0; i < el.attributes.length; i++) {
                  var n = el.attributes[i].name.toLowerCase();
                  if (n.indexOf('on') === 0 || n === 'style' || n === 'srcdoc' || n === 'formaction') { handlers++; }
                }
              });
              var dangerous = [];
              document.body.querySelectorAll('script, iframe, frame, object, embed, svg, math, form, input, button, '
                  + 'textarea, select, style, link, meta, base, template').forEach(function (el) {
                dangerous.push(el.outerHTML.substring(0, 200));
              });
              var badUrls = 0;
              document.querySelectorAll('[href], [src], [action], [data], [poster], [background]').forEach(function (el) {
                ['href', 'src', 'action', 'data', 'poster', 'background'].forEach(function (a) {
                  var v = el.getAttribute(a);
                  if (v !== null && !/^(https?:|mailto:|\\/)/i.test(v.replace(/[\\u0000-\\u0020]/g, ''))) { badUrls++; }
                });
              });
              done({xss: window.__forumkitXss, fired: window.__forumkitFired, errors: window.__forumkitErrors,
                    handlers: handlers, dangerous: dangerous, badUrls: badUrls, posts: document.querySelectorAll('.post').length,
                    url: location.href});
            }, 1500);
            """;

    private static HttpServer server;
    private static ChromeDriver browser;
    private static final Map<String, byte[]> PAGES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        boolean ci = System.getenv("CI") != null;
        if (!Files.isExecutable(CHROMEDRIVER)) {
            assumeTrue(ci, "no " + CHROMEDRIVER + ": browser check skipped (install chromium and chromium-driver)");
            throw new AssertionError(CHROMEDRIVER + " is missing but CI is set: install chromium chromium-driver");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: install chromium");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGES.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("forumkit-chromium"),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        var logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @TestFactory
    Stream<DynamicTest> no_rendered_vector_runs_script_in_chromium() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        for (RenderPaths path : RenderPaths.values()) {
            List<String> fragments = new ArrayList<>();
            for (String vector : Corpus.get().vectors) {
                fragments.addAll(path.render(vector));
            }
            pages.put(path.name(), fragments);
        }
        pages.put("WHOLE_FILES", Corpus.get().wholeFiles.stream()
                .map(f -> Fixtures.RENDERER.render(f, Fixtures.EVERYONE).html()).toList());
        Stream<DynamicTest> control = Stream.of(DynamicTest.dynamicTest("CONTROL: unsanitised HTML is caught", () -> {
            Map<String, Object> result = show("CONTROL", List.of("<script>alert('control')</script>",
                    "<img src=\"http://127.0.0.1:1/x.png\" onerror=\"confirm('control')\">"));
            assertThat(result.get("xss")).isEqualTo(Boolean.TRUE);
            assertThat(result.get("fired").toString()).contains("alert(control)").contains("confirm(control)");
            browser.manage().logs().get(LogType.BROWSER); // drained, so the pages below start with a clean console
        }));
        return Stream.concat(control, pages.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue()))));
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, List<String> fragments) {
        Map<String, Object> result = show(name, fragments);
        List<String> consoleErrors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean network = message.contains("Failed to load resource") || message.contains("net::ERR_");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !network) {
                consoleErrors.add(message);
            }
        }
        System.out.printf("browser: %-13s %5d fragments shown, fired=%s, errors=%s, console errors=%d%n", name,
                fragments.size(), result.get("fired"), result.get("errors"), consoleErrors.size());

        assertThat(((Number) result.get("posts")).intValue()).as("posts on the page").isEqualTo(fragments.size());
        assertThat(result.get("url")).as("the page did not navigate away").isEqualTo(result.get("expectedUrl"));
        assertThat((List<Object>) result.get("fired")).as("hooked functions called").isEmpty();
        assertThat(result.get("xss")).as("global flag").isEqualTo(Boolean.FALSE);
        assertThat((List<Object>) result.get("errors")).as("script errors").isEmpty();
        assertThat(consoleErrors).as("console errors").isEmpty();
        assertThat(((Number) result.get("handlers")).intValue()).as("event handler or style attributes").isZero();
        assertThat((List<Object>) result.get("dangerous")).as("script, frame, form, svg ... elements").isEmpty();
        assertThat(((Number) result.get("badUrls")).intValue()).as("URLs with other schemes").isZero();
    }

    /** Serves the fragments as one page, loads it, provokes it and reports what happened. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> show(String name, List<String> fragments) {
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(name).append("</title>").append(HOOKS).append("</head><body>\n");
        for (String html : fragments) {
            page.append("<div class=\"post\">").append(html).append("</div>\n");
        }
        page.append("</body></html>\n");
        String path = "/" + name + ".html";
        PAGES.put(path, page.toString().getBytes(StandardCharsets.UTF_8));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;

        browser.get(url);
        Map<String, Object> result = new LinkedHashMap<>(
                (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(PROVOKE));
        result.put("expectedUrl", url);
        PAGES.remove(path);
        return result;
    }
}
