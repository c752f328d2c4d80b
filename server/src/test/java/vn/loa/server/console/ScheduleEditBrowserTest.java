package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.TestServer;

/**
 * A commune operator edits each kind of schedule entry in the console, at desk and on a phone: the form
 * shows the whole entry, the one thing changed (a time typed "7h30", a weekday, a date typed the
 * Vietnamese way, a title, a misfire policy) is the only thing that changes over the API, and a refusal
 * is told in Vietnamese. The page never scrolls sideways on a 390 px phone.
 */
class ScheduleEditBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30); // the machine is shared: slow, not stuck
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir
    Path dir;
    TestServer server;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, null, "22:00-05:00"); // commune-b keeps quiet hours; the rest have none
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900,desktop", "390,844,phone"})
    void editingAnEntryChangesOnlyWhatWasChanged(int width, int height, String size) throws Exception {
        // The flood warning is first in every list: the old form put it in place of whatever it edited.
        playlist("canh-bao-lu.m3u8", "Cảnh báo lũ", "alert.mp3");
        playlist("ca-dong.m3u8", "Bản tin tiếng Ca Dong", "bulletin.mp3");
        String tomorrow = LocalDate.now(ZONE).plusDays(2).toString();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        Instant until = from.plus(Duration.ofDays(120));
        String common = """
                "timeZone":"Asia/Ho_Chi_Minh","validFrom":"%s","validUntil":"%s",
                "misfire":{"policy":"GRACE","graceMinutes":15},"sameClass":{"policy":"WAIT","waitSeconds":45}"""
                .formatted(from, until);
        long daily = create("""
                {"title":"Bản tin Ca Dong sáng","broadcast":{"playlist":"ca-dong.m3u8","priority":"PRIORITY",
                 "targets":{"areas":["commune-a"],"stations":["st-02"]},"attentionTone":true,"repeat":2,"onPreempt":"RESTART",
                 "resumeDeadline":"%s","title":"Tin Ca Dong"},
                 "recurrence":{"type":"daily","times":["06:00"]},%s}""".formatted(until, common));
        long weekly = create("""
                {"title":"Tin nông nghiệp","broadcast":{"media":["bulletin.mp3","long.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"weekly","days":["MONDAY","WEDNESDAY","FRIDAY"],"times":["09:00","16:30"]},%s}"""
                .formatted(common));
        long monthly = create("""
                {"title":"Họp dân đầu tháng","broadcast":{"playlist":"ca-dong.m3u8","targets":{"areas":["commune-b"]},
                 "priority":"BACKGROUND"},
                 "recurrence":{"type":"monthly","daysOfMonth":[1,15],"times":["10:00"]},%s}""".formatted(common));
        long once = create("""
                {"title":"Tiêm chủng","broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-c"]}},
                 "recurrence":{"type":"once","at":"%sT11:00"},"timeZone":"Asia/Ho_Chi_Minh"}""".formatted(tomorrow));
        long cron = create("""
                {"title":"Tiếp sóng VOV","broadcast":{"playlist":"ca-dong.m3u8","targets":{"areas":["commune-c"]}},
                 "recurrence":{"type":"cron","expression":"0 0 13 ? * MON-FRI"},%s}""".formatted(common));

        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(width, height));
        String base = "http://127.0.0.1:" + server.httpPort();
        driver.get(base + "/");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("token")).isEmpty());
        click(By.cssSelector("#login-with-token summary")); // the token form is folded under name and password
        driver.findElement(By.id("token")).sendKeys(TestServer.ADMIN_TOKEN);
        click(By.id("sign-in"));
        // Signing in goes to the overview; wait for it, or that navigation lands after ours.
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("count-online")).isEmpty());
        driver.get(base + "/#/schedule");
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#entries li[data-id]")).size() == 5);
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(size.equals("phone")
                ? "#calendar .agenda-item" : "#calendar .airing")).isEmpty());
        assertNoSidewaysScroll(size);
        browser.screenshot("schedule-" + size);

        // The form shows the whole entry: its own playlist, targets, class and days, not the first in each list.
        edit(daily);
        assertEquals("playlist:ca-dong.m3u8", new Select(driver.findElement(By.id("f-source"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("PRIORITY", new Select(driver.findElement(By.id("f-priority"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("commune-a", new Select(driver.findElement(By.id("f-targets"))).getAllSelectedOptions().get(0).getAttribute("value"));
        assertTrue(driver.findElement(By.id("f-tone")).isSelected());
        assertEquals("06:00", driver.findElement(By.id("f-times")).getAttribute("value"));
        assertEquals("GRACE", new Select(driver.findElement(By.id("f-misfire"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(driver.findElement(By.id("f-other-targets")).getText().contains("st-02"), "stations are shown too");
        assertTrue(driver.findElement(By.id("f-from")).getAttribute("value").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"),
                driver.findElement(By.id("f-from")).getAttribute("value"));
        browser.screenshot("schedule-edit-" + size);

        // A time as Vietnamese write it; only the times change.
        changeAndCompare(daily, () -> type(By.id("f-times"), "7h30"),
                e -> recurrence(e).set("times", JSON.createArrayNode().add("07:30:00")));

        // A weekday ticked: only the days change; the list of two files and both times stay.
        changeAndCompare(weekly, () -> click(By.cssSelector("#f-days input[value=SATURDAY]")),
                e -> recurrence(e).set("days", JSON.createArrayNode().add("MONDAY").add("WEDNESDAY").add("FRIDAY").add("SATURDAY")));

        // Quiet hours refuse 23h in commune-b, in Vietnamese; nothing changes. Then 17g30 is saved.
        JsonNode monthlyBefore = entry(monthly);
        edit(monthly);
        type(By.id("f-times"), "10h, 23h");
        click(By.id("f-save"));
        await().atMost(WAIT).until(() -> text(By.id("f-error")).contains("giờ yên tĩnh"));
        assertTrue(text(By.id("f-error")).contains("22:00-05:00"), text(By.id("f-error")));
        type(By.id("f-times"), "25h");
        click(By.id("f-save"));
        await().atMost(WAIT).until(() -> text(By.id("f-error")).contains("\"25h\" không đúng"));
        assertNoSidewaysScroll(size);
        browser.screenshot("schedule-refused-" + size);
        assertEquals(monthlyBefore, entry(monthly), "a refused save changes nothing");
        changeAndCompare(monthly, () -> type(By.id("f-times"), "10h, 17g30"),
                e -> recurrence(e).set("times", JSON.createArrayNode().add("10:00:00").add("17:30:00")));

        // A one-shot moved to another day, typed dd/MM/yyyy and 14h.
        LocalDate later = LocalDate.now(ZONE).plusDays(3);
        changeAndCompare(once, () -> type(By.id("f-at"), later.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 14h"),
                e -> recurrence(e).put("at", later + "T14:00:00"));

        // A cron entry renamed; a misfire policy changed on another.
        changeAndCompare(cron, () -> type(By.id("f-title"), "Tiếp sóng VOV trưa"),
                e -> ((ObjectNode) e).put("title", "Tiếp sóng VOV trưa"));
        changeAndCompare(daily, () -> new Select(browser.driver.findElement(By.id("f-misfire"))).selectByValue("JOIN"),
                e -> ((ObjectNode) e).set("misfire", JSON.createObjectNode().put("policy", "JOIN").putNull("graceMinutes")));
        assertNoSidewaysScroll(size);
        if (size.equals("desktop")) {
            dragOnTheCalendar(daily);
        }
        anEmergencyOverTwoCommunesWaitsForASecondOfficer(weekly);

        // Someone else deleted the entry meanwhile: the refused delete says so, in Vietnamese.
        assertEquals(200, server.delete("/api/schedules/" + cron).status());
        click(By.cssSelector("#entries li[data-id='" + cron + "'] button.danger"));
        browser.driver.switchTo().alert().accept();
        await().atMost(WAIT).until(() -> text(By.id("entries-error")).contains("không còn nữa"));

        // The commune's own operator edits an entry the province made: saved under the operator's level.
        String operator = server.user("van-thu-xa-a", "operator", "commune-a");
        js("sessionStorage.setItem('loa.token', arguments[0]); location.reload();", operator);
        await().atMost(WAIT).until(() -> !browser.driver.findElements(By.cssSelector("#entries li[data-id='" + daily + "']")).isEmpty());
        changeAndCompare(daily, () -> type(By.id("f-title"), "Bản tin Ca Dong sáng – xã A"), e -> {
            ((ObjectNode) e).put("title", "Bản tin Ca Dong sáng – xã A");
            ((ObjectNode) e.get("broadcast")).put("issuerLevel", "COMMUNE");
        });
        assertNoSidewaysScroll(size);
    }

    /** An officer makes an entry EMERGENCY over two communes: told it waits for a second officer; nothing changes yet. */
    private void anEmergencyOverTwoCommunesWaitsForASecondOfficer(long id) throws Exception {
        String officer = server.user("can-bo-huyen", "officer", "province");
        js("sessionStorage.setItem('loa.token', arguments[0]); location.reload();", officer);
        await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector("#entries li[data-id]")).size() >= 5);
        JsonNode before = entry(id);
        edit(id);
        new Select(browser.driver.findElement(By.id("f-priority"))).selectByValue("EMERGENCY");
        new Select(browser.driver.findElement(By.id("f-targets"))).selectByValue("commune-b");
        click(By.id("f-save"));
        await().atMost(WAIT).until(() -> text(By.id("f-error")).contains("cán bộ thứ hai"));
        assertEquals(before, entry(id), "the entry changes only once a second officer confirms");
        JsonNode held = server.get("/api/confirmations").body();
        assertTrue(held.toString().contains("\"EMERGENCY\"") && held.toString().contains("commune-b"), held.toString());
    }

    /**
     * A meeting dragged onto the hour of the daily bulletin (same class, same commune) is held with the
     * conflict named; dragged to a free hour it moves, and nothing else of it changes.
     */
    private void dragOnTheCalendar(long daily) throws Exception {
        LocalDate day = LocalDate.now(ZONE).plusDays(3);
        long meeting = create("""
                {"title":"Họp dân thôn 3","broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-a"]},
                 "priority":"PRIORITY"},"recurrence":{"type":"once","at":"%sT08:30"},"timeZone":"Asia/Ho_Chi_Minh"}"""
                .formatted(day));
        browser.driver.navigate().refresh();
        By airing = By.cssSelector("#calendar .airing[data-schedule='" + meeting + "']");
        await().atMost(WAIT).until(() -> !browser.driver.findElements(By.cssSelector("#calendar .week")).isEmpty());
        for (int i = 0; i < 2 && browser.driver.findElements(airing).isEmpty(); i++) {
            String range = text(By.id("week-range"));
            click(By.id("week-next"));
            await().atMost(WAIT).until(() -> !text(By.id("week-range")).equals(range));
        }
        await().atMost(WAIT).until(() -> !browser.driver.findElements(airing).isEmpty());
        JsonNode before = comparable(entry(meeting));
        drag(airing, By.cssSelector("#calendar .cell[data-day='" + day + "'][data-hour='7']"));
        await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("f-conflicts")).isDisplayed());
        assertTrue(text(By.id("f-conflicts")).contains("Bản tin Ca Dong sáng"), text(By.id("f-conflicts")));
        browser.screenshot("schedule-drag-conflict-desktop");
        assertEquals(before, comparable(entry(meeting)), "held until the operator decides");
        click(By.id("f-cancel"));
        await().atMost(WAIT).until(() -> !browser.driver.findElements(airing).isEmpty());
        drag(airing, By.cssSelector("#calendar .cell[data-day='" + day + "'][data-hour='10']"));
        await().atMost(WAIT).until(() -> !comparable(entry(meeting)).equals(before));
        ObjectNode wanted = (ObjectNode) before.deepCopy();
        recurrence(wanted).put("at", day + "T10:30:00");
        assertEquals(wanted, comparable(entry(meeting)), "only the time moved");
        await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector(
                "#calendar .cell[data-hour='10'] .airing[data-schedule='" + meeting + "']")).size() == 1);
    }

    /** HTML5 drag and drop as the browser fires it (WebDriver's pointer actions do not start a native drag). */
    private void drag(By from, By to) {
        js("""
                const [src, dst] = arguments; const dt = new DataTransfer();
                src.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
                dst.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));
                dst.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));""",
                browser.driver.findElement(from), browser.driver.findElement(to));
    }

    /** Opens the entry in the form, does {@code change}, saves, and checks that the entry is {@code expected} of before. */
    private void changeAndCompare(long id, Runnable change, Consumer<JsonNode> expected) throws Exception {
        JsonNode before = comparable(entry(id));
        JsonNode wanted = before.deepCopy();
        expected.accept(wanted);
        edit(id);
        change.run();
        click(By.id("f-save"));
        // Saved once the server has it and the page has taken the answer (the form is back to a new entry).
        await().atMost(WAIT).until(() -> !text(By.id("f-error")).isEmpty()
                || !comparable(entry(id)).equals(before) && text(By.id("f-heading")).equals("Mục lịch"));
        assertEquals("", text(By.id("f-error")), "the save was refused");
        assertEquals(sorted(wanted), sorted(comparable(entry(id))), "only the changed field differs");
    }

    private void edit(long id) {
        click(By.cssSelector("#entries li[data-id='" + id + "'] button.edit"));
        await().atMost(WAIT).until(() -> text(By.id("f-heading")).startsWith("Sửa mục lịch"));
    }

    private void type(By by, String text) {
        WebElement input = browser.driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    private void assertNoSidewaysScroll(String size) {
        Object widths = js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> w = (List<?>) widths;
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(),
                size + ": the page is wider than the screen: " + widths + " " + js(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                                + "document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);"));
    }

    private static ObjectNode recurrence(JsonNode entry) {
        return (ObjectNode) entry.get("recurrence");
    }

    /** The entry without what the server stamps on each save. */
    private static JsonNode comparable(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.remove(List.of("createdAt", "nextFire", "warnings"));
        return copy;
    }

    /** Weekdays are a set: compare them in week order. */
    private static JsonNode sorted(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        JsonNode days = copy.at("/recurrence/days");
        if (days.isArray()) {
            List<String> order = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
            List<String> list = new ArrayList<>();
            days.forEach(d -> list.add(d.asText()));
            list.sort((a, b) -> order.indexOf(a) - order.indexOf(b));
            ArrayNode out = JSON.createArrayNode();
            list.forEach(out::add);
            recurrence(copy).set("days", out);
        }
        return copy;
    }

    private JsonNode entry(long id) {
        TestServer.Reply r = server.get("/api/schedules/" + id);
        assertEquals(200, r.status(), String.valueOf(r.body()));
        return r.body();
    }

    private long create(String json) {
        TestServer.Reply r = server.post("/api/schedules", "application/json", json);
        assertEquals(201, r.status(), String.valueOf(r.body()));
        return r.body().get("id").asLong();
    }

    private void playlist(String name, String title, String file) {
        TestServer.Reply r = server.post("/api/playlists", "application/json",
                "{\"name\":\"%s\",\"title\":\"%s\",\"items\":[{\"path\":\"%s\"}]}".formatted(name, title, file));
        assertEquals(201, r.status(), String.valueOf(r.body()));
    }

    private void click(By by) {
        browser.click(by);
    }

    private String text(By by) {
        return browser.text(by);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }
}
