package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.ApiClient;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;

/**
 * A district officer watches what is on air while an emergency airs in commune A and a normal bulletin
 * in commune B: the emergency comes first, red and labelled in words; every class and count reads in
 * Vietnamese; the quick form's fields have their labels; a refusal reads in Vietnamese; a bulletin is
 * stopped after one question. At desktop size and on a phone, where nothing may scroll sideways.
 */
class OnAirBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    DeviceSimulator sim;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        TestServer.credentials().forEach(c -> sim.add(c, Faults.NONE, 0));
        await().atMost(WAIT).until(() -> server.onlineCount() == TestServer.STATIONS);
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        sim.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop,1400,900,false", "phone,390,844,true"})
    void anOfficerSeesTheEmergencyFirstAndStopsABulletin(String size, int width, int height, boolean mobile) throws Exception {
        String token = server.user("can-bo-huyen", "officer", "commune-a", "commune-b");
        ApiClient officer = server.as(token);
        assertEquals(201, officer.post("/api/broadcasts", JSON, """
                {"media":["long.mp3"],"title":"Bản tin nông nghiệp","targets":{"areas":["commune-b"]},"priority":"NORMAL"}""")
                .status());
        assertEquals(201, officer.post("/api/broadcasts", JSON, """
                {"media":["long.mp3"],"title":"Lũ quét – sơ tán ngay","targets":{"areas":["commune-a"]},"priority":"EMERGENCY"}""")
                .status());

        var driver = browser.driver;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        String base = "http://127.0.0.1:" + server.httpPort() + "/";
        driver.get(base);
        driver.executeScript("sessionStorage.setItem('loa.token', arguments[0]);", token);
        driver.get(base + "#/onair");
        driver.navigate().refresh();
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector(".emergency-live .session-facts")).contains("Đang phát ở"));

        // The emergency is the first thing on the page, red, and says so in words.
        WebElement first = driver.findElements(By.cssSelector("#sessions > section")).get(0);
        assertTrue(first.getAttribute("class").contains("emergency-live"), first.getAttribute("class"));
        assertEquals("ĐANG CÓ TIN KHẨN CẤP", first.findElement(By.tagName("h2")).getText());
        assertTrue(first.getCssValue("background-color").matches("rgba?\\(183, 28, 28(, 1)?\\)"), first.getCssValue("background-color"));
        assertTrue(first.getText().contains("Lũ quét – sơ tán ngay"), first.getText());
        String facts = browser.text(By.cssSelector(".emergency-live .session-facts"));
        assertTrue(facts.matches("Đang phát ở \\d+ cụm loa · Dài \\d+ (phút|giây).* · Từ \\d{2}:\\d{2}"), facts);
        String headings = browser.text(By.id("sessions"));
        for (String word : new String[] {"Ưu tiên", "Thông thường", "Nền", "Bản tin nông nghiệp"}) {
            assertTrue(headings.contains(word), word + " in " + headings);
        }
        for (String english : new String[] {"EMERGENCY", "PRIORITY", "NORMAL", "BACKGROUND", "ms"}) {
            assertTrue(!headings.contains(english), english + " in " + headings);
        }

        // The quick form: every field has its label, levels in words.
        for (String id : new String[] {"q-source", "q-target", "q-priority"}) {
            assertTrue(!browser.text(By.cssSelector("label[for=" + id + "]")).isEmpty(), "a label for " + id);
        }
        Select level = new Select(driver.findElement(By.id("q-priority")));
        assertEquals("Thông thường", level.getOptions().get(0).getText());
        assertEquals("Ưu tiên", level.getOptions().get(1).getText());
        assertTrue((Boolean) browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                "nothing scrolls sideways at " + width + " px");
        browser.screenshot("onair-" + size);

        // Commune C is not theirs: the refusal is in Vietnamese, naming what lies outside.
        new Select(driver.findElement(By.id("q-target"))).selectByValue("commune-c");
        browser.click(By.id("q-next"));
        await().atMost(WAIT).until(() -> browser.text(By.id("alert-notice")).contains("Ngoài địa bàn bạn phụ trách"));
        browser.screenshot("onair-refused-" + size);

        // Stopping asks once, then the bulletin is gone from the page and from the air.
        browser.click(By.cssSelector(".class-NORMAL .session .stop"));
        await().atMost(WAIT).until(() -> browser.text(By.id("ask-text")).contains("Bản tin nông nghiệp"));
        browser.screenshot("onair-ask-stop-" + size);
        browser.click(By.id("ask-yes"));
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".class-NORMAL .session")).isEmpty());
        await().atMost(WAIT).until(() -> server.get("/api/broadcasts").body().size() == 1);
    }
}
