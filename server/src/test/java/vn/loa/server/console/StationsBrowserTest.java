package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;
import vn.loa.sim.SimulatedReceiver;

/**
 * A technician's day in a real Chromium with 20 simulated receivers: the overview tells what villagers
 * hear (a muted station, one with its amplifier off, one with a line fault, one offline, an emergency),
 * communes read as counts on the list and the map, a map marker is reached by keyboard; on a station's
 * page listen-in keeps playing through status events and the slider follows the real volume; the
 * faults report holds faults only. Desktop and phone, without sideways scrolling.
 */
class StationsBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    DeviceSimulator sim;
    Browser browser;
    final Map<String, SimulatedReceiver> receivers = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
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
    void aTechnicianReadsWhatVillagersHear() throws Exception {
        // A short bulletin that ends (for the airtime chart), then a long programme and an emergency.
        long bulletin = broadcast("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-06\",\"st-10\",\"st-16\"]}}");
        await().atMost(WAIT).until(() -> server.get("/api/reports/airtime").body().size() == 3);
        broadcast("{\"media\":[\"long.mp3\"],\"repeat\":10,\"title\":\"Chương trình sáng\",\"targets\":{\"stations\":[\"st-01\",\"st-02\",\"st-03\",\"st-05\"]}}");
        broadcast("{\"media\":[\"alert.mp3\"],\"repeat\":10,\"priority\":\"EMERGENCY\",\"title\":\"Cảnh báo lũ\",\"targets\":{\"stations\":[\"st-09\"]}}");
        assertEquals(200, command("st-02", "MUTE", 0));
        assertEquals(200, command("st-03", "AMPLIFIER_OFF", 0));
        receivers.get("st-04").device().setSpeakerLineFault(true);
        await().atMost(WAIT).until(() -> server.station("st-01").hasNonNull("nowPlaying") && server.station("st-05").hasNonNull("nowPlaying")
                && server.station("st-04").get("status").get("speakerLineFault").asBoolean());
        receivers.get("st-05").stop();
        assertTrue(bulletin > 0);

        String token = server.user("ky-thuat", "technician", "province");
        String base = "http://127.0.0.1:" + server.httpPort();
        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(1400, 900));
        driver.get(base + "/#/login");
        js("sessionStorage.setItem('loa.token', arguments[0]);", token);
        driver.get(base + "/#/overview");
        driver.navigate().refresh();

        // Overview: states in words, counts per commune, the emergency unmistakable.
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class)
                .until(() -> "offline".equals(attr(By.id("row-st-05"), "data-state")));
        assertEquals("muted", attr(By.id("row-st-02"), "data-state"));
        assertEquals("Đang phát nhưng tắt tiếng – dân không nghe được", text(By.cssSelector("#row-st-02 .state")));
        assertEquals("ampOff", attr(By.id("row-st-03"), "data-state"));
        assertEquals("Đang phát nhưng tắt âm ly – dân không nghe được", text(By.cssSelector("#row-st-03 .state")));
        assertEquals("Lỗi đường loa", text(By.cssSelector("#row-st-04 .state")));
        assertEquals("Mất kết nối", text(By.cssSelector("#row-st-05 .state")));
        assertEquals("–", text(By.cssSelector("#row-st-05 .programme")), "an offline station airs nothing");
        assertTrue(text(By.cssSelector("#row-st-01 .programme")).contains("Chương trình sáng"));
        assertEquals("playing", attr(By.id("row-st-01"), "data-state"));
        assertTrue(attr(By.id("row-st-09"), "class").contains("emergency"));
        assertTrue(text(By.id("row-st-09")).contains("KHẨN CẤP"), "an emergency says so in words: " + text(By.id("row-st-09")));
        assertEquals("6/7 trực tuyến", text(By.id("group-count-commune-a")), "a commune with one station offline is 6/7");
        assertEquals("19", text(By.cssSelector("#count-online b")));
        assertTrue(text(By.id("count-online")).contains("19/20"), "the disabled station is not counted: " + text(By.id("count-online")));
        assertTrue(text(By.id("count-disabled")).contains("1"));
        assertEquals(1, driver.findElements(By.cssSelector("#group-disabled tr[id^=row-]")).size(), "disabled apart");
        assertEquals("Xã A 6/7", text(By.cssSelector("#cluster-commune-a .cluster-name")));
        assertEquals(20, driver.findElements(By.cssSelector("#map a.marker")).size(), "every enabled station on the map");
        assertTrue(driver.findElements(By.cssSelector(".smap-legend li")).size() >= 7, "a legend");
        fitsWidth("overview desktop");
        browser.screenshot("overview-desktop");
        js("document.getElementById('group-commune-b').scrollIntoView({block: 'start'});");
        browser.screenshot("overview-desktop-emergency");

        // A filter narrows the list and the markers; the commune still counts all its stations.
        new Select(driver.findElement(By.id("filter-state"))).selectByValue("offline");
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#stations tr[id^=row-]")).size() == 1);
        assertEquals(1, driver.findElements(By.cssSelector("#map a.marker")).size());
        assertEquals("Xã A 6/7", text(By.cssSelector("#cluster-commune-a .cluster-name")));
        new Select(driver.findElement(By.id("filter-state"))).selectByValue("");
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#stations tr[id^=row-]")).size() == 21);

        // Keyboard: Tab reaches a map marker, Enter opens its station.
        driver.findElement(By.id("filter-state")).click();
        driver.findElement(By.id("filter-state")).sendKeys(Keys.ESCAPE);
        String marker = null;
        for (int i = 0; i < 80 && marker == null; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            marker = (String) js("const a = document.activeElement; return a && a.matches('a.marker') ? a.dataset.id : null;");
        }
        assertTrue(marker != null, "Tab reaches a map marker");
        assertFalse(((String) js("return document.activeElement.getAttribute('aria-label')")).isBlank(), "markers have names");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        String opened = marker;
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().endsWith("#/station/" + opened));

        // Station page: listen-in survives status events; the slider shows the real volume.
        driver.get(base + "/#/station/st-01");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("listen")).isEmpty() && !text(By.id("volume-value")).equals("–"));
        assertEquals("70", attr(By.id("volume"), "value"), "the receiver's volume, not a default");
        assertEquals("Phát tiếng thử loa (5 giây)", text(By.id("cmd-test-tone")));
        assertEquals("Âm lượng muốn đặt", text(By.cssSelector("label[for=volume]")));
        browser.click(By.id("listen"));
        await().atMost(WAIT).until(() -> ((Number) js("return document.getElementById('listen-audio').currentTime")).doubleValue() > 0.5);
        js("window.keptAudio = document.getElementById('listen-audio');");
        double before = ((Number) js("return window.keptAudio.currentTime")).doubleValue();
        assertEquals(200, command("st-01", "SET_VOLUME", 35));
        await().atMost(WAIT).until(() -> "35".equals(attr(By.id("volume"), "value")));
        assertTrue(text(By.id("station-fields")).contains("35"));
        await().atMost(WAIT).until(() -> ((Number) js("return window.keptAudio.currentTime")).doubleValue() > before + 1);
        assertEquals(Boolean.TRUE, js("return document.getElementById('listen-audio') === window.keptAudio && !window.keptAudio.paused"),
                "the same audio element keeps playing across the status event");
        browser.click(By.id("cmd-mute"));
        await().atMost(WAIT).until(() -> text(By.id("command-result")).equals("Đã thực hiện: Tắt tiếng"));
        await().atMost(WAIT).until(() -> text(By.id("station-state")).equals("Đang phát nhưng tắt tiếng – dân không nghe được"));
        await().atMost(WAIT).until(() -> text(By.id("station-history")).contains("Thay đổi cài đặt"));
        assertFalse(text(By.id("station-history")).contains("ONLINE"), "history kinds in Vietnamese");
        assertTrue(text(By.id("station-asrun")).contains("Bắt đầu phát"), text(By.id("station-asrun")));
        assertEquals(Boolean.TRUE, js("return document.getElementById('listen-audio') === window.keptAudio && !window.keptAudio.paused"));
        fitsWidth("station desktop");
        browser.screenshot("station-desktop");

        // Reports: faults only, a chart with axes and a legend.
        driver.get(base + "/#/reports");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("table-faults")).isEmpty());
        List<String> kinds = driver.findElements(By.cssSelector("#table-faults tbody td:nth-child(3)")).stream().map(WebElement::getText).toList();
        assertTrue(kinds.contains("Lỗi đường loa") && kinds.contains("Mất kết nối"), kinds.toString());
        assertTrue(Set.of("Lỗi đường loa", "Mất kết nối").containsAll(kinds), "faults only: " + kinds);
        assertTrue(text(By.id("airtime-chart")).contains("Phút"), "the y axis says its unit");
        assertTrue(text(By.cssSelector("#airtime-chart .chart-legend")).contains("Xã A"), "a legend of communes");
        assertTrue(text(By.id("table-airtime")).matches("(?s).*\\d\\d/\\d\\d.*"), "periods as dd/MM");
        fitsWidth("reports desktop");
        browser.screenshot("reports-desktop");
        js("document.getElementById('report-alerts').scrollIntoView({block: 'start'});");
        browser.screenshot("reports-desktop-tables");

        // A phone: the same pages, no sideways scrolling.
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("overview", "station/st-02", "reports")) {
            driver.get(base + "/#/" + page);
            By ready = page.equals("overview") ? By.id("row-st-05") : page.equals("reports") ? By.id("table-faults") : By.id("station-history");
            await().atMost(WAIT).until(() -> !driver.findElements(ready).isEmpty());
            fitsWidth(page + " phone");
            String name = page.replace("/st-02", "");
            browser.screenshot(name + "-phone");
            for (String part : PARTS.get(name)) {
                js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", part);
                browser.screenshot(name + "-phone-" + part.replaceAll("[^a-z0-9]+", ""));
            }
        }
    }

    /** Parts of each page to look at on a phone, each scrolled to the top of the screen. */
    private static final Map<String, List<String>> PARTS = Map.of(
            "overview", List.of("#row-st-02", "#map-title"),
            "station", List.of("#volume", "#station-history"),
            "reports", List.of("#report-faults"));

    private long broadcast(String json) {
        TestServer.Reply reply = server.post("/api/broadcasts", JSON, json);
        assertEquals(201, reply.status(), reply.toString());
        return reply.body().get("id").asLong();
    }

    private int command(String station, String command, int argument) {
        return server.post("/api/stations/" + station + "/commands", JSON,
                "{\"command\":\"%s\",\"argument\":%d}".formatted(command, argument)).status();
    }

    private void fitsWidth(String what) {
        Object widths = js("return [document.scrollingElement.scrollWidth, window.innerWidth];");
        List<?> w = (List<?>) widths;
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(), what + " scrolls sideways: " + w);
    }

    private String attr(By by, String name) {
        List<WebElement> found = browser.driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }

    private String text(By by) {
        return browser.text(by);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }
}
