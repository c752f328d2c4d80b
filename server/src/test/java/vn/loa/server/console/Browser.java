package vn.loa.server.console;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
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

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (./test installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=vi", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Saves what the page looks like now under target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Clicks what {@code by} finds, scrolled to the middle of the screen. The console redraws panels when
     * live updates arrive and a notice may sit over a button for a few seconds, so the element found may
     * be replaced or covered before the click lands: find it again and try again.
     */
    void click(By by) {
        await().atMost(ACT).ignoreExceptionsInstanceOf(WebDriverException.class).until(() -> {
            WebElement found = driver.findElement(by);
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", found);
            found.click();
            return true;
        });
    }

    /** The trimmed text of the first element {@code by} finds, or "" when there is none. */
    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
