package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;
import vn.loa.sim.SimEvent;

/**
 * The emergency flow from draft to cancel with two district officers in two browsers, over 20
 * simulated receivers: officer 1 drafts an alert for two communes from the area tree, rehearses it on
 * the test receiver and stops the rehearsal, asks for LIVE; officer 2, on another page, sees the
 * banner and confirms from it; officer 1 finds the live alert first on the emergency screen with its
 * real reach and cancels it, answering one question. At desktop size and on a phone, where Cancel
 * must be on screen without scrolling. Every step is saved under target/screenshots/emergency2-*.
 */
class EmergencyTwoOfficersBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> A_AND_B = TestServer.credentials().stream().map(c -> c.id())
            .filter(id -> !TestServer.communeOf(id).equals("commune-c")).toList();
    @TempDir
    Path dir;
    TestServer server;
    DeviceSimulator sim;
    SimEvents events;
    Browser first;
    Browser second;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        events = new SimEvents();
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
        TestServer.credentials().forEach(c -> sim.add(c, Faults.NONE, 0));
        await().atMost(WAIT).until(() -> server.onlineCount() == TestServer.STATIONS);
        first = new Browser();
        second = new Browser();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        sim.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop,1400,900,false", "phone,390,844,true"})
    void twoOfficersRaiseAndCancelAnAlert(String size, int width, int height, boolean mobile) throws Exception {
        String one = server.user("can-bo-huyen-1", "officer", "commune-a", "commune-b");
        String two = server.user("can-bo-huyen-2", "officer", "commune-a", "commune-b");
        signIn(first, one, width, height, mobile, "#/emergency");
        signIn(second, two, width, height, mobile, "#/overview");
        String shot = "emergency2-" + size + "-";

        // Officer 1 drafts from the area tree: two communes, their station counts beside them.
        var d1 = first.driver;
        await().atMost(WAIT).until(() -> !d1.findElements(By.id("a-area-commune-a")).isEmpty());
        assertTrue(text(first, By.cssSelector("label[for=a-area-commune-a]")).contains("7 cụm loa"),
                text(first, By.cssSelector("label[for=a-area-commune-a]")));
        d1.findElement(By.id("a-title")).sendKeys("Lũ quét – sơ tán ngay");
        new Select(d1.findElement(By.id("a-media"))).selectByValue("long.mp3");
        d1.findElement(By.id("a-repeat")).clear();
        d1.findElement(By.id("a-repeat")).sendKeys("10");
        click(first, By.id("a-area-commune-a"));
        click(first, By.id("a-area-commune-b"));
        scrollTo(first, "a-targets-summary");
        first.screenshot(shot + "1-draft");
        assertTrue(text(first, By.id("a-targets-summary")).contains("14 cụm loa"), text(first, By.id("a-targets-summary")));
        click(first, By.id("a-draft"));
        await().atMost(WAIT).until(() -> !d1.findElements(By.id("a-test")).isEmpty());
        long id = Long.parseLong(await().atMost(WAIT).ignoreException(StaleElementReferenceException.class)
                .until(() -> d1.findElement(By.cssSelector("#alert-current .alert")).getAttribute("data-id"), v -> v != null));
        assertTrue(text(first, By.id("alert-preview")).contains("Xã A, Xã B"), text(first, By.id("alert-preview")));
        first.screenshot(shot + "1b-drafted");

        // The rehearsal plays on the test receiver only, shows at the top with its station, and stops.
        click(first, By.id("a-test"));
        await().atMost(WAIT).until(() -> events.has("st-07", "audio_start", e -> true));
        By testCard = By.id("now-test-" + id);
        await().atMost(WAIT).until(() -> text(first, testCard).contains("st-07"));
        scrollTop(first);
        first.screenshot(shot + "2-test-playing");
        click(first, By.id("a-stop-test-" + id));
        await().atMost(WAIT).until(() -> events.of("st-07", "play_end").stream().anyMatch(e -> "CANCELLED".equals(e.field("reason"))));
        await().atMost(WAIT).until(() -> d1.findElements(testCard).isEmpty());
        A_AND_B.stream().filter(s -> !s.equals("st-07")).forEach(s ->
                assertTrue(events.of(s, "audio_start").isEmpty(), "the rehearsal reached " + s));
        assertEquals("DRAFT", alert(id).get("state").asText(), "stopping the test keeps the draft");

        // LIVE over two communes asks once, then waits for a second officer.
        click(first, By.id("a-live"));
        await().atMost(WAIT).until(() -> !d1.findElements(By.id("ask-yes")).isEmpty());
        assertTrue(text(first, By.id("ask-text")).contains("PHÁT THẬT"), text(first, By.id("ask-text")));
        first.screenshot(shot + "3-ask-live");
        click(first, By.id("ask-yes"));
        await().atMost(WAIT).until(() -> "AWAITING_CONFIRMATION".equals(alert(id).get("state").asText()));
        await().atMost(WAIT).until(() -> text(first, By.id("now-" + id)).contains("Đang chờ một cán bộ khác"));
        scrollTop(first);
        first.screenshot(shot + "4-waiting");

        // Officer 2, on the overview, is asked by the banner and confirms from it.
        var d2 = second.driver;
        By confirm = By.id("banner-confirm-alert-" + id);
        await().atMost(WAIT).until(() -> !d2.findElements(confirm).isEmpty());
        assertTrue(text(second, By.id("alert-banner")).contains("Đang chờ anh/chị xác nhận"), text(second, By.id("alert-banner")));
        assertTrue(d2.getCurrentUrl().endsWith("#/overview"));
        second.screenshot(shot + "5-officer2-banner");
        click(second, confirm);
        await().atMost(WAIT).until(() -> !d2.findElements(By.id("ask-yes")).isEmpty());
        click(second, By.id("ask-yes"));
        await().atMost(WAIT).until(() -> "ACTIVE".equals(alert(id).get("state").asText()));
        assertEquals("can-bo-huyen-2", alert(id).get("confirmedBy").asText());
        await().atMost(WAIT).until(() -> text(second, By.id("alert-banner")).contains("ĐANG PHÁT CẢNH BÁO"));
        second.screenshot(shot + "6-officer2-live-banner");

        // Officer 1 sees it first, with the reach the receivers report, and Cancel on screen.
        long session = alert(id).get("sessionId").asLong();
        await().atMost(WAIT).until(() -> A_AND_B.stream().allMatch(s -> events.of(s, "play_start").stream()
                .anyMatch(e -> number(e, "session") == session)));
        By reach = By.id("reach-" + id);
        await().atMost(WAIT).until(() -> text(first, reach).contains("14/14"));
        assertTrue(text(first, By.id("now-" + id)).contains("Lần phát 1/10"), text(first, By.id("now-" + id)));
        scrollTop(first);
        By cancel = By.id("a-stop-" + id);
        Map<?, ?> box = (Map<?, ?>) first.driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return {top: r.top, bottom: r.bottom, view: window.innerHeight, wide: document.documentElement.scrollWidth,"
                + " width: window.innerWidth, first: document.querySelector('#view > :not(h1)').id};", d1.findElement(cancel));
        assertTrue(((Number) box.get("bottom")).doubleValue() <= ((Number) box.get("view")).doubleValue(),
                "Cancel is on screen without scrolling: " + box);
        assertEquals("alert-now", box.get("first"), "what is happening comes first: " + box);
        assertTrue(((Number) box.get("wide")).intValue() <= width, "no sideways scrolling: " + box);
        first.screenshot(shot + "7-live");

        // Cancel asks once and stops every receiver.
        click(first, cancel);
        await().atMost(WAIT).until(() -> !d1.findElements(By.id("ask-yes")).isEmpty());
        assertTrue(text(first, By.id("ask-text")).contains("Dừng cảnh báo"), text(first, By.id("ask-text")));
        first.screenshot(shot + "8-ask-cancel");
        click(first, By.id("ask-yes"));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(alert(id).get("state").asText()));
        await().atMost(WAIT).until(() -> A_AND_B.stream().allMatch(s -> events.of(s, "play_end").stream()
                .anyMatch(e -> number(e, "session") == session && "CANCELLED".equals(e.field("reason")))));
        await().atMost(WAIT).until(() -> d1.findElements(By.id("now-" + id)).isEmpty());
        await().atMost(WAIT).until(() -> !d2.findElement(By.id("alert-banner")).isDisplayed());
        first.screenshot(shot + "9-cancelled");

        // A broadcast held for a second officer shows the same way, wherever officer 2 is, and is confirmed there.
        var held = server.as(one).post("/api/broadcasts", "application/json", """
                {"title":"Thông báo khẩn về lũ","media":["alert.mp3"],"targets":{"areas":["commune-a","commune-b"]},
                 "priority":"EMERGENCY"}""");
        assertEquals(202, held.status(), held.toString());
        long request = held.body().get("id").asLong();
        d2.navigate().refresh(); // a fresh page load: the banner asks the server at once, not at its next 15 s look
        By confirmHeld = By.id("banner-confirm-held-" + request);
        await().atMost(WAIT).until(() -> !d2.findElements(confirmHeld).isEmpty());
        assertTrue(text(second, By.id("alert-banner")).contains("14 cụm loa ở Xã A, Xã B"), text(second, By.id("alert-banner")));
        second.screenshot(shot + "10-officer2-held-broadcast");
        click(second, confirmHeld);
        click(second, By.id("ask-yes"));
        await().atMost(WAIT).untilAsserted(() -> assertEquals("CONFIRMED", server.get("/api/confirmations/" + request)
                .body().get("state").asText(), "notice: " + d2.executeScript("return document.getElementById('notice').textContent")));
        await().atMost(WAIT).until(() -> d2.findElements(confirmHeld).isEmpty());
    }

    private void signIn(Browser b, String token, int width, int height, boolean mobile, String page) {
        b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        String base = "http://127.0.0.1:" + server.httpPort() + "/";
        b.driver.get(base);
        b.driver.executeScript("sessionStorage.setItem('loa.token', arguments[0]);", token);
        b.driver.get(base + page);
        b.driver.navigate().refresh();
        await().atMost(WAIT).until(() -> !b.text(By.id("who")).isBlank()); // on a phone the name is in the folded menu
    }

    private JsonNode alert(long id) {
        return server.get("/api/alerts/" + id).body();
    }

    private static long number(SimEvent e, String field) {
        return ((Number) e.field(field)).longValue();
    }

    private void click(Browser b, By by) {
        b.click(by);
    }

    private static void scrollTop(Browser b) {
        b.driver.executeScript("window.scrollTo(0, 0);");
    }

    private static void scrollTo(Browser b, String id) {
        b.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
    }

    private static String text(Browser b, By by) {
        List<WebElement> found = b.driver.findElements(by);
        try {
            return found.isEmpty() ? "" : found.get(0).getText().trim();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
