package vn.loa.server.console;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromium-driver (both installed by ./test). Map tiles
 * cannot load in CI; the console must work without them, so the browser is not asked to wait for them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** How long a click may keep trying while the page redraws. */
    private static final Duration ACT = Duration.ofSeconds(30);
    final ChromeDriver driver;

    /** {@code extraSwitches}: Chromium switches one test needs, e.g. a fake microphone. */
    Browser(String... extraSwitches) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (./test installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=vi", "--autoplay-policy=no-user-gesture-required");
        options.addArguments(extraSwitches);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Signs in with a bearer token, through the sign-in page's folded token form, and waits for the overview. */
    void signInWithToken(String base, String token) {
        driver.get(base + "/");
        await().atMost(ACT).until(() -> !driver.findElements(By.id("token")).isEmpty());
        click(By.cssSelector("#login-with-token summary"));
        driver.findElement(By.id("token")).sendKeys(token);
        click(By.id("sign-in"));
        await().atMost(ACT).until(() -> !driver.findElements(By.id("count-online")).isEmpty());
    }

    /** Saves what the page looks like now under target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Saves the whole page, not only what the window shows, under target/screenshots/NAME.png. */
    void fullPage(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        // The capture lays the page out without the window's scroll bar: as wide as the window, then.
        double width = Math.max(((Number) size.get("width")).doubleValue(), ((Number) js("return window.innerWidth")).doubleValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1, "width", width, "height", Math.min(((Number) size.get("height")).doubleValue(), 8000));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * Clicks what {@code by} finds, scrolled to the middle of the screen. The console redraws panels when
     * live updates arrive and a notice may sit over a button for a few seconds, so the element found may
     * be replaced or covered before the click lands: find it again and try again.
     */
    void click(By by) {
        await().atMost(ACT).ignoreExceptionsInstanceOf(WebDriverException.class).until(() -> {
            WebElement found = driver.findElement(by);
            openMenuFor(found);
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", found);
            found.click();
            return true;
        });
    }

    /** The trimmed text of the first element {@code by} finds, or "" when there is none. */
    String text(By by) {
        // A live update may redraw the element between finding and reading it: find it again.
        for (int attempt = 1; ; attempt++) {
            try {
                return textOnce(by);
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private String textOnce(By by) {
        List<WebElement> found = driver.findElements(by);
        if (found.isEmpty()) {
            return "";
        }
        if (!found.get(0).isDisplayed() && inFoldedMenu(found.get(0))) {
            // On a phone the user's name and the pages sit in the folded menu: read them as the menu shows them.
            return String.valueOf(driver.executeScript("return arguments[0].textContent", found.get(0))).trim();
        }
        return found.get(0).getText().trim();
    }

    private boolean inFoldedMenu(WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript("const m = document.getElementById('menu');"
                + "return !!m && m.contains(arguments[0]) && !document.getElementById('top').classList.contains('menu-open')"
                + " && getComputedStyle(document.getElementById('menu-toggle')).display !== 'none'", element));
    }

    /** On a phone a link or button of the top bar is behind the Menu button: open the menu first, as a person would. */
    private void openMenuFor(WebElement element) {
        if (!element.isDisplayed() && inFoldedMenu(element)) {
            driver.findElement(By.id("menu-toggle")).click();
        }
    }

    /** A phone held upright, the size commune staff use (390x844 CSS pixels). */
    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** An office PC. */
    void desktop() {
        driver.manage().window().setSize(new Dimension(1400, 900));
    }

    /**
     * Empty when the page is no wider than the window; otherwise how much wider, and the widest elements
     * that reach past the right edge while their parent does not (where the overflow starts).
     */
    String overflowX() {
        return String.valueOf(driver.executeScript("""
                const width = window.innerWidth;
                const scroll = document.scrollingElement.scrollWidth;
                if (scroll <= width + 1) return '';
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                const past = e => e.getBoundingClientRect().right > width + 1;
                const culprits = [...document.body.querySelectorAll('*')]
                    .filter(e => past(e) && e.getClientRects().length > 0 && !(e.parentElement && past(e.parentElement)))
                    .map(e => ({ e, w: Math.round(e.getBoundingClientRect().width), r: Math.round(e.getBoundingClientRect().right) }))
                    .sort((a, b) => b.r - a.r).slice(0, 5)
                    .map(c => name(c.e) + ' (' + c.w + ' px wide, right edge at ' + c.r + ')');
                return 'page is ' + scroll + ' px wide in a ' + width + ' px window: ' + culprits.join(', ');
                """));
    }

    /**
     * The accessibility rules engine (axe-core, served from the jar at /web/vendor/axe.min.js) run over the
     * page for WCAG 2.0/2.1 A and AA; each violation of one of {@code impacts} as "impact rule: help [targets]".
     */
    List<String> axeViolations(Collection<String> impacts) {
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  if (!window.axe) {
                    await new Promise((loaded, failed) => {
                      const s = document.createElement('script');
                      s.src = '/web/vendor/axe.min.js';
                      s.onload = loaded;
                      s.onerror = () => failed(new Error('cannot load /web/vendor/axe.min.js'));
                      document.head.append(s);
                    });
                  }
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                      resultTypes: ['violations'] });
                  done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')).slice(0, 6).join(', ') + (v.nodes.length > 6 ? ', …' : '') })));
                })().catch(e => done('axe failed: ' + e));
                """);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        List<String> found = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> v = (Map<?, ?>) o;
            if (impacts.contains(String.valueOf(v.get("impact")))) {
                found.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " [" + v.get("targets") + "]");
            }
        }
        return found;
    }

    /**
     * Text a person can see in the page, the top bar or the alert banner that is not Vietnamese words: a
     * message key ({@code keys} from vi.json, or anything shaped like one of their namespaces), a snake_case
     * code, a raw enum, a US time, or an English word from a short deny list. Each as "text (in element)".
     */
    List<String> untranslated(Set<String> keys) {
        Object result = driver.executeScript("""
                const keys = new Set(arguments[0]);
                const spaces = new Set([...keys].map(k => k.split('.')[0]));
                const enums = /\\b(EMERGENCY|PRIORITY|NORMAL|BACKGROUND|PREEMPTED|ACKNOWLEDGED|ONLINE|OFFLINE|PLAYING|FAULT|DISABLED|ACTIVE|DRAFT|ENDED|CANCELLED|EXPIRED|AWAITING_CONFIRMATION|STARTED|FINISHED|FAILED|SKIPPED|CHANGE|INTERRUPTED|RESUMED|REJECTED|TEST|LIVE|SKIP|GRACE|JOIN|CUT|NEXT|WAIT|MONDAY|SUNDAY|[A-Z]+_[A-Z_]+)\\b/;
                const english = /\\b(undefined|null|NaN|Invalid Date|Loading|Error|Failed|Cancel|Save|Delete|Edit|Submit|Online|Offline|Playing|Station|Stations|Schedule|Library|Unknown|true|false|minutes|seconds|[AP]M)\\b/;
                const key = /(^|\\s)([a-z][a-zA-Z]*)(\\.[a-zA-Z]+)+(?=$|[\\s,;:])/;
                const snake = /\\b[a-z][a-z0-9]*(_[a-z0-9]+)+\\b/;
                const where = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.closest('[id]') && e.closest('[id]') !== e ? ' in #' + e.closest('[id]').id : '');
                const found = [];
                for (const root of ['view', 'top', 'alert-banner'].map(id => document.getElementById(id)).filter(Boolean)) {
                  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                    const text = n.textContent.trim();
                    const parent = n.parentElement;
                    if (!text || !parent || parent.closest('script, style, [translate=no]') || !parent.checkVisibility()) continue;
                    const k = text.match(key);
                    const bad = (k && (keys.has(k[0].trim()) || spaces.has(k[2]))) || enums.test(text) || snake.test(text) || english.test(text);
                    if (bad) found.push(JSON.stringify(text.length > 80 ? text.substring(0, 80) + '…' : text) + ' (in ' + where(parent) + ')');
                  }
                  for (const e of root.querySelectorAll('input[placeholder], [title], [aria-label]')) {
                    for (const text of [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')]) {
                      if (text && (keys.has(text) || enums.test(text) || english.test(text))) found.push(JSON.stringify(text) + ' (attribute of ' + where(e) + ')');
                    }
                  }
                }
                return found;
                """, new ArrayList<>(keys));
        List<String> found = new ArrayList<>();
        ((List<?>) result).forEach(o -> found.add(String.valueOf(o)));
        return found;
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
