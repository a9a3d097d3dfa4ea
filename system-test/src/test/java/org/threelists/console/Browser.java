package org.threelists.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Debian's headless Chromium driven through its chromedriver, as a person at the console would use it: one fresh
 * profile per run, nothing fetched from outside (no Selenium Manager download, no component updates).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, String baseUrl, Path profile, Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.downloads = downloads;
    }

    static Browser open(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("threelists-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM)
                    .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN",
                            "--user-data-dir=" + profile)
                    // files the console saves (reports) land where the test reads them, without a prompt
                    .setExperimentalOption("prefs", java.util.Map.of(
                            "download.default_directory", downloads.toString(),
                            "download.prompt_for_download", false,
                            "download.directory_upgrade", true));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), baseUrl, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a screen of the console by its route, e.g. {@code /desk/overview}. */
    /**
     * Signs in as one of the demo identities on the sign-in page and waits for the signed-in console: the first page
     * hands over to the shell (menu, router) once its script arrives, and a step that goes to a screen before that
     * can lose its route to the shell's start.
     */
    void signInAs(String identity) {
        go("/sign-in");
        click(By.cssSelector("button[data-identity='" + identity + "']"));
        awaitWhileDoing("signed in as " + identity, Duration.ofSeconds(20), () -> { },
                () -> !currentRoute().startsWith("/sign-in"));
        find(By.cssSelector("nav.menu"));
    }

    void go(String route) {
        driver.get(baseUrl + "/#" + route);
    }

    /** Sets the browser window's size, e.g. 375 × 812 for a phone's screen; the page's viewport follows it (headless). */
    void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void openFresh() {
        driver.get(baseUrl + "/");
    }

    /**
     * Opens the console's first page as on a first visit: from a blank page, with the browser's cache emptied
     * (Chrome DevTools Protocol), so that every script and style sheet travels again.
     */
    void openCold() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        openFresh();
    }

    /** Opens any address of the console's server, e.g. a path it has no page for. */
    void openPath(String path) {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        driver.get(baseUrl + path);
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Clicks once the element can take the click: a drop-down still opening or a message fading out over it
     * intercepts the click for a moment, and the click is then tried again.
     */
    void click(By by) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        try {
            wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                    .until(d -> {
                        WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
                        if (element == null) {
                            return false;
                        }
                        element.click();
                        return true;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("not clickable within " + WAIT.toSeconds() + " s: " + by + "\n" + describe(), e);
        }
    }

    /**
     * What the screen showed when a step failed, for a failure seen only in a loaded CI run: the route, the messages
     * and dialogs on screen, the filters' chosen values, whether a list was still loading, the first rows of every
     * table shown, and a screenshot.
     */
    String describe() {
        try {
            Object seen = script("""
                    const shown = (e) => e.offsetParent !== null || getComputedStyle(e).position === 'fixed'
                    const texts = (css, limit = 20) => [...document.querySelectorAll(css)].filter(shown)
                        .slice(0, limit).map((e) => e.innerText.replace(/\\s+/g, ' ').trim())
                    return JSON.stringify({
                      route: location.hash,
                      messages: texts('.el-message, .el-notification, .el-message-box, .el-dialog'),
                      filters: texts('.filter-bar'),
                      loading: texts('.el-loading-mask').length,
                      rows: texts('tr.el-table__row', 15),
                      empty: texts('.el-table__empty-text'),
                    })""");
            return "screen: " + seen + "\nscreenshot: " + screenshot("failed-" + System.currentTimeMillis());
        } catch (RuntimeException e) {
            return "screen not readable: " + e;
        }
    }

    void type(By by, String text) {
        WebElement input = find(by);
        // select and delete rather than clear(): Vue's v-model hears key input, not a script clearing the value
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /**
     * The XPath of a row of the Element Plus table inside the element of CSS class {@code table} (".projects") that
     * shows {@code text} in any of its cells' text nodes: a cell drawn from a slot may begin with an empty text node,
     * which XPath's {@code contains(text(), …)} would look at alone.
     */
    static String rowXpath(String table, String text) {
        return "//div[contains(@class,'" + table.substring(1) + "')]//tr[contains(@class,'el-table__row')]"
                + "[.//*[text()[contains(.,'" + text + "')]]]";
    }

    /**
     * Picks an option of an Element Plus select by its visible (Chinese) text, and waits until the select shows it
     * chosen: a click on an option while its drop-down is still opening can miss, and the step after would then read a
     * list that was never filtered.
     */
    void choose(By select, String option) {
        // a single select shows its choice in place of the placeholder, a multiple one as a tag
        By chosen = new ByChained(select, By.xpath(".//*[(contains(@class,'el-select__placeholder')"
                + " and not(contains(@class,'is-transparent'))) or contains(@class,'el-select__tags-text')]"
                + "[normalize-space()='" + option + "']"));
        By item = By.xpath("//li[contains(@class,'el-select-dropdown__item') and not(contains(@style,'display: none'))]"
                + "//span[normalize-space()='" + option + "']");
        awaitWhileDoing("'" + option + "' chosen in " + select, WAIT, () -> {
            if (all(item).stream().noneMatch(WebElement::isDisplayed)) {
                click(select);
            }
            click(item);
        }, () -> !all(chosen).isEmpty());
    }

    void awaitText(By by, String text) {
        try {
            new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (TimeoutException e) {
            throw new AssertionError("'" + text + "' not shown within " + WAIT.toSeconds() + " s in " + by + "\n"
                    + describe(), e);
        }
    }

    /** Waits until the condition holds, doing {@code between} (e.g. a click on 刷新) before each new look. */
    void awaitWhileDoing(String what, Duration timeout, Runnable between, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the screen is still changing
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n" + describe());
            }
            between.run();
            sleep(1000);
        }
    }

    String text(By by) {
        return find(by).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String currentRoute() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash + 1);
    }

    /** Waits for a file the page saved whose name ends with {@code suffix}, complete (Chromium writes .crdownload first). */
    Path awaitDownload(String suffix, Duration timeout) {
        Path[] found = new Path[1];
        awaitWhileDoing("a downloaded *" + suffix, timeout, () -> { }, () -> {
            try (var files = Files.list(downloads)) {
                found[0] = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found[0] != null;
        });
        return found[0];
    }

    Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
