package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;
import vn.loa.sim.SimulatedReceiver;

/**
 * The console in a real headless Chromium against a real server and 20 simulated receivers: sign in,
 * watch a station drop off the overview without a reload, upload a good and a bad file, schedule an
 * entry and find it in the calendar, rehearse an alert and cancel it, switch language. Every page is
 * saved as a screenshot under target/screenshots.
 */
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    TestServer server;
    DeviceSimulator sim;
    SimEvents events;
    Browser browser;
    final Map<String, SimulatedReceiver> receivers = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        events = new SimEvents();
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
        TestServer.credentials().forEach(c -> receivers.put(c.id(), sim.add(c, Faults.NONE, 0)));
        await().atMost(WAIT).until(() -> server.onlineCount() == TestServer.STATIONS);
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        sim.close();
        server.close();
    }

    @Test
    void anOfficerUsesEveryPageOfTheConsole() throws Exception {
        String base = "http://127.0.0.1:" + server.httpPort();
        var driver = browser.driver;
        driver.get(base + "/");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("token")).isEmpty());
        browser.screenshot("login");
        click(By.cssSelector("#login-with-token summary")); // the token form is the second way in (issue 15)
        driver.findElement(By.id("token")).sendKeys("wrong-token");
        click(By.id("sign-in"));
        await().atMost(WAIT).until(() -> driver.findElement(By.id("login-error")).isDisplayed());
        driver.findElement(By.id("token")).clear();
        driver.findElement(By.id("token")).sendKeys(TestServer.ADMIN_TOKEN);
        click(By.id("sign-in"));

        // Overview: every simulated station, then one goes offline and the page follows without a reload.
        await().atMost(WAIT).until(() -> text(By.cssSelector("#count-online b")).equals("20"));
        assertEquals(21, driver.findElements(By.cssSelector("#stations tr[id^=row-]")).size(), "20 stations and the disabled one");
        assertEquals("Tổng quan các cụm loa", text(By.cssSelector("main h1")), "Vietnamese by default");
        js("window.notReloaded = true;");
        receivers.get("st-05").stop();
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class)
                .until(() -> "offline".equals(driver.findElement(By.id("row-st-05")).getAttribute("data-state")));
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"), "updated live, not by reloading");
        await().atMost(WAIT).until(() -> text(By.cssSelector("#count-online b")).equals("19"));
        browser.screenshot("overview");

        // Station page.
        driver.get(base + "/#/station/st-01");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("now-playing")).isEmpty());
        assertTrue(text(By.cssSelector("main h1")).contains("st-01"));
        browser.screenshot("station");

        // Library: a good file is accepted, a broken one refused with its reason.
        driver.get(base + "/#/library");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("upload-files")).isEmpty());
        Path good = dir.resolve("bản-tin-trưa.mp3");
        Files.copy(dir.resolve("media").resolve("bulletin.mp3"), good);
        Path bad = dir.resolve("hỏng.mp3");
        Files.copy(dir.resolve("media").resolve("broken.mp3"), bad);
        driver.findElement(By.id("upload-files")).sendKeys(good + "\n" + bad);
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("#uploads li.ok")).isEmpty()
                && !driver.findElements(By.cssSelector("#uploads li.refused")).isEmpty());
        String refusal = text(By.cssSelector("#uploads li.refused .result"));
        assertTrue(!refusal.isEmpty() && !refusal.contains("truncated"), "told in Vietnamese, by its code: " + refusal);
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("#media li[data-path='bản-tin-trưa.mp3']")).isEmpty());
        browser.screenshot("library");

        // Schedule: a daily entry for commune-a shows in the week calendar.
        driver.get(base + "/#/schedule");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("f-title")).isEmpty());
        driver.findElement(By.id("f-title")).sendKeys("Tin trưa xã A");
        new Select(driver.findElement(By.id("f-source"))).selectByValue("media:bulletin.mp3");
        new Select(driver.findElement(By.id("f-targets"))).selectByValue("commune-a");
        new Select(driver.findElement(By.id("f-type"))).selectByValue("daily");
        driver.findElement(By.id("f-times")).clear();
        driver.findElement(By.id("f-times")).sendKeys("11:15");
        click(By.id("f-save"));
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#calendar .airing")).stream()
                .anyMatch(a -> a.getText().contains("Tin trưa xã A")));
        assertTrue(driver.findElements(By.cssSelector("#calendar .airing")).size() >= 6, "one airing per day of the week");
        js("document.querySelector('#calendar .airing').scrollIntoView({block: 'center'});");
        browser.screenshot("schedule");

        driver.get(base + "/#/onair");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("q-now")).isEmpty());
        browser.screenshot("onair");

        // Emergency: a draft, a TEST that reaches only the test receiver, then cancel.
        driver.get(base + "/#/emergency");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("a-title")).isEmpty());
        driver.findElement(By.id("a-title")).sendKeys("Diễn tập cảnh báo lũ");
        new Select(driver.findElement(By.id("a-media"))).selectByValue("alert.mp3");
        click(By.id("a-area-commune-a"));
        click(By.id("a-draft"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("a-test")).isEmpty());
        assertTrue(text(By.id("alert-preview")).contains("st-07"), text(By.id("alert-preview")));
        click(By.id("a-test"));
        await().atMost(WAIT).until(() -> events.has("st-07", "audio_start", e -> true));
        browser.screenshot("emergency-test");
        for (String other : List.of("st-01", "st-02", "st-06", "st-08")) {
            assertTrue(events.of(other, "audio_start").isEmpty(), "a test reached " + other);
        }
        click(By.id("a-cancel"));
        click(By.id("ask-yes"));
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class)
                .until(() -> "CANCELLED".equals(driver.findElement(By.cssSelector("#alert-current .alert"))
                .getAttribute("data-state")));
        browser.screenshot("emergency");

        driver.get(base + "/#/reports");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("report-airtime")).isEmpty());
        browser.screenshot("reports");

        // Language: every label follows.
        click(By.id("lang"));
        await().atMost(WAIT).until(() -> text(By.cssSelector("nav a[href='#/overview']")).equals("Overview"));
        assertEquals("Reports", text(By.cssSelector("main h1")));
        browser.screenshot("reports-english");
    }

    /**
     * Clicks what {@code by} finds. The console redraws its panels when live updates arrive (a STATUS,
     * an alert changing state), so the element found may be replaced before the click lands: find again.
     */
    private void click(By by) {
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.driver.findElement(by).click();
            return true;
        });
    }

    private String text(By by) {
        return browser.text(by);
    }

    private Object js(String script) {
        return browser.js(script);
    }
}
