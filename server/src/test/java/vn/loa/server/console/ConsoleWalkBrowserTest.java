package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import vn.loa.server.TestServer;
import vn.loa.server.SimEvents;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;

/**
 * Every page each role can reach, walked in a real Chromium on an office PC (1400x900) and on a phone
 * (390x844) with 20 receivers live: an admin, a commune operator, a district officer and a technician
 * sign in with their passwords. On every page: nothing makes the page wider than the window, no text
 * is a message key, a code, a raw enum or stray English, axe-core finds no WCAG 2 A/AA violation, and
 * the window title names the page. Each page is saved whole as walk-ROLE-PAGE-SIZE.png. The failures of all
 * pages are gathered and reported together, so one run names everything that is left.
 *
 * <p>axe-core's impacts enforced: all four (critical, serious, moderate, minor). WCAG A/AA rules carry
 * "moderate" or "minor" for real barriers too (a page without a level-one heading, a landmark missing),
 * and the console is small enough to keep every rule green rather than argue which barrier may stay.
 */
class ConsoleWalkBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> IMPACTS = Set.of("critical", "serious", "moderate", "minor");
    private static final String PASSWORD = "mat-khau-di-qua-trang";
    /** Role → the user who has it, with the areas they work in. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", "{\"name\":\"quan-tri\",\"displayName\":\"Quản trị huyện\",\"role\":\"admin\"");
        USERS.put("operator", "{\"name\":\"can-bo-xa\",\"displayName\":\"Cán bộ xã A\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]");
        USERS.put("officer", "{\"name\":\"can-bo-huyen\",\"displayName\":\"Cán bộ huyện\",\"role\":\"officer\",\"scopes\":[\"commune-a\",\"commune-b\"]");
        USERS.put("technician", "{\"name\":\"ky-thuat\",\"displayName\":\"Kỹ thuật viên\",\"role\":\"technician\",\"scopes\":[\"commune-a\",\"commune-b\",\"commune-c\"]");
    }

    @TempDir
    Path dir;
    TestServer server;
    DeviceSimulator sim;
    Browser browser;
    String base;
    Map<String, String> vi;
    final List<String> failures = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        server = new TestServer(dir);
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        TestServer.credentials().forEach(c -> sim.add(c, Faults.NONE, 0));
        await().atMost(WAIT).until(() -> server.onlineCount() == TestServer.STATIONS);
        for (String user : USERS.values()) {
            TestServer.Reply r = server.post("/api/users", "application/json", user + ",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(201, r.status(), String.valueOf(r.body()));
        }
        TestServer.Reply entry = server.post("/api/schedules", "application/json", """
                {"title":"Tin nông nghiệp","broadcast":{"media":["bulletin.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"weekly","days":["MONDAY","WEDNESDAY","FRIDAY"],"times":["09:00","16:30"]},
                 "timeZone":"Asia/Ho_Chi_Minh"}""");
        assertEquals(201, entry.status(), String.valueOf(entry.body()));
        vi = new ObjectMapper().readValue(Path.of("src", "main", "resources", "web", "i18n", "vi.json").toFile(), Map.class);
        base = "http://127.0.0.1:" + server.httpPort();
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        sim.close();
        server.close();
    }

    @Test
    void everyRoleSeesEveryPageFitTranslatedAndAccessibleOnDesktopAndPhone() throws Exception {
        for (String size : List.of("desktop", "phone")) {
            size(size);
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(base + "/#/login");
            await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("login-name")).isEmpty());
            check("anyone", "login", size);
        }
        for (String role : USERS.keySet()) {
            String name = USERS.get(role).split("\"")[3];
            signIn(name);
            for (String size : List.of("desktop", "phone")) {
                size(size);
                for (String page : pages(role)) {
                    browser.driver.get(base + "/#/" + page);
                    ready(role, page);
                    check(role, page.replace("/", "-"), size);
                }
            }
            if (role.equals("admin")) {
                theTopBarFoldsIntoAMenuOnAPhone();
                anAiringOpensFromTheKeyboard();
                errorsAreAnnouncedAndStayInfoIsPoliteAndGoes();
            }
            browser.click(By.id("logout"));
            await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("login-name")).isEmpty());
        }
        anAlertOnAirAndOneWaitingForTheOfficer();
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + grouped());
    }

    /** The same problem on many pages once, with where it was seen: "where, where: problem". */
    private String grouped() {
        Map<String, Set<String>> byProblem = new LinkedHashMap<>();
        for (String failure : failures) {
            int cut = failure.indexOf(": ");
            byProblem.computeIfAbsent(failure.substring(cut + 2), p -> new java.util.LinkedHashSet<>()).add(failure.substring(0, cut));
        }
        StringBuilder out = new StringBuilder();
        byProblem.forEach((problem, where) -> out.append(String.join(", ", where)).append(": ").append(problem).append('\n'));
        return out.toString();
    }

    /**
     * The pages that change most in an emergency: an alert on air in Xã A and one over two communes waiting
     * for a second officer, as the officer who may confirm it sees the overview (with the banner) and the
     * emergency screen.
     */
    private void anAlertOnAirAndOneWaitingForTheOfficer() throws Exception {
        String expires = java.time.Instant.now().plus(Duration.ofMinutes(45)).toString();
        long live = alert("Cảnh báo lũ xã A", "[\"commune-a\"]", expires);
        assertEquals(200, server.post("/api/alerts/" + live + "/live", "application/json", "{}").status());
        long waiting = alert("Cảnh báo bão hai xã", "[\"commune-a\",\"commune-b\"]", expires);
        assertEquals(202, server.post("/api/alerts/" + waiting + "/live", "application/json", "{}").status());
        signIn("can-bo-huyen");
        for (String size : List.of("desktop", "phone")) {
            size(size);
            for (String page : List.of("emergency", "overview")) {
                browser.driver.get(base + "/#/" + page);
                ready("officer", page);
                await().atMost(WAIT).until(() -> !browser.driver.findElements(By.cssSelector(
                        page.equals("overview") ? "#alert-banner .banner-confirm" : "#view .now-card.state-ACTIVE")).isEmpty());
                check("officer", page + "-alert", size);
            }
        }
    }

    private long alert(String title, String areas, String expires) {
        TestServer.Reply r = server.post("/api/alerts", "application/json", """
                {"title":"%s","message":"Nước lên nhanh, di chuyển lên chỗ cao.","media":["long.mp3"],"attentionTone":true,
                 "targets":{"areas":%s},"repeat":10,"expiresAt":"%s"}""".formatted(title, areas, expires));
        assertEquals(201, r.status(), String.valueOf(r.body()));
        return r.body().get("id").asLong();
    }

    /** notify(): an error in the assertive region until closed; anything else in the polite one for 6 s. */
    private void errorsAreAnnouncedAndStayInfoIsPoliteAndGoes() {
        var driver = browser.driver;
        assertEquals("alert", driver.findElement(By.id("alert-notice")).getAttribute("role"));
        assertEquals("status", driver.findElement(By.id("notice")).getAttribute("role"));
        browser.js("import('/web/app.js').then(m => { m.notify('Đã lưu.'); })");
        await().atMost(WAIT).until(() -> browser.text(By.id("notice")).equals("Đã lưu."));
        await().atLeast(Duration.ofSeconds(4)).atMost(WAIT).until(() -> browser.text(By.id("notice")).isEmpty());
        browser.js("import('/web/app.js').then(m => { m.notify('Không lưu được.', 'error'); })");
        await().atMost(WAIT).until(() -> browser.text(By.id("alert-notice")).startsWith("Không lưu được."));
        await().during(Duration.ofSeconds(7)).atMost(WAIT).until(() -> browser.text(By.id("alert-notice")).startsWith("Không lưu được."));
        browser.click(By.cssSelector("#alert-notice .notice-close"));
        await().atMost(WAIT).until(() -> browser.text(By.id("alert-notice")).isEmpty());
    }

    /** An airing in the week calendar is reached with Tab and opened with Enter, like a click. */
    private void anAiringOpensFromTheKeyboard() {
        var driver = browser.driver;
        browser.desktop();
        driver.get(base + "/#/schedule");
        ready("admin", "schedule");
        await().atMost(WAIT).until(() -> driver.findElement(By.id("f-title")).getAttribute("value").isEmpty());
        var airing = driver.findElement(By.cssSelector("#calendar .week .airing"));
        assertEquals("button", airing.getTagName(), "an airing is a button, in the tab order");
        browser.js("arguments[0].focus()", airing);
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        await().atMost(WAIT).until(() -> "Tin nông nghiệp".equals(driver.findElement(By.id("f-title")).getAttribute("value")));
    }

    /** On a phone the bar is one short line; Menu opens the pages as a list and closes when one is chosen. */
    private void theTopBarFoldsIntoAMenuOnAPhone() throws Exception {
        var driver = browser.driver;
        browser.phone();
        driver.get(base + "/#/overview");
        ready("admin", "overview");
        Number height = (Number) browser.js("return document.getElementById('top').getBoundingClientRect().height");
        assertTrue(height.doubleValue() <= 56, "the top bar is " + height + " px tall on a phone");
        assertTrue(driver.findElement(By.id("top-emergency")).isDisplayed(), "the emergency link stays in the bar");
        assertEquals("false", driver.findElement(By.id("menu-toggle")).getAttribute("aria-expanded"));
        assertTrue(!driver.findElement(By.cssSelector("#nav a[href='#/library']")).isDisplayed(), "the pages are folded");
        driver.findElement(By.id("menu-toggle")).click();
        assertEquals("true", driver.findElement(By.id("menu-toggle")).getAttribute("aria-expanded"));
        assertTrue(driver.findElement(By.cssSelector("#nav a[href='#/library']")).isDisplayed());
        assertTrue(driver.findElement(By.id("lang")).isDisplayed() && driver.findElement(By.id("logout")).isDisplayed()
                && driver.findElement(By.id("who")).isDisplayed(), "the user, the language and sign-out are in the menu");
        browser.screenshot("walk-admin-menu-phone");
        for (String problem : browser.axeViolations(IMPACTS)) {
            failures.add("admin menu phone: axe " + problem);
        }
        driver.findElement(By.cssSelector("#nav a[href='#/library']")).click();
        await().atMost(WAIT).until(() -> "false".equals(driver.findElement(By.id("menu-toggle")).getAttribute("aria-expanded")));
        ready("admin", "library");
        assertTrue(!driver.findElement(By.id("lang")).isDisplayed(), "the menu closed on navigation");
        browser.desktop();
        assertTrue(!driver.findElement(By.id("menu-toggle")).isDisplayed(), "no Menu button on a desktop");
        assertTrue(driver.findElement(By.cssSelector("#nav a[href='#/library']")).isDisplayed());
    }

    private static List<String> pages(String role) {
        List<String> pages = new ArrayList<>(List.of("overview", "station/st-01", "library", "record", "tts", "schedule", "onair",
                "emergency", "reports", "password"));
        if (role.equals("admin")) {
            pages.add("users");
        }
        return pages;
    }

    private void size(String size) {
        if (size.equals("phone")) {
            browser.phone();
        } else {
            browser.desktop();
        }
    }

    private void signIn(String name) {
        var driver = browser.driver;
        browser.desktop();
        driver.manage().deleteAllCookies();
        driver.get(base + "/#/login");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("login-name")).isEmpty());
        driver.findElement(By.id("login-name")).sendKeys(name);
        driver.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.click(By.id("sign-in-password"));
        await().atMost(WAIT).until(() -> browser.text(By.id("who")).startsWith(name));
    }

    /** Waits for what shows that the page has its data, not only its heading. */
    private void ready(String role, String page) {
        String what = switch (page.split("/")[0]) {
            case "overview" -> "#count-online b";
            case "station" -> "#now-playing";
            case "library" -> "#media li[data-path]";
            case "schedule" -> "#calendar .airing";
            case "onair" -> "#sessions";
            case "emergency" -> role.equals("officer") || role.equals("admin") ? "#a-title" : "#view h1";
            case "reports" -> "#report-airtime";
            case "users" -> "[data-user=quan-tri]";
            case "password" -> "#pw-old";
            default -> "#view h1";
        };
        try {
            await().atMost(WAIT).until(() -> !browser.driver.findElements(By.cssSelector(what)).isEmpty()
                    && !browser.driver.findElements(By.cssSelector("#view h1")).isEmpty());
        } catch (ConditionTimeoutException e) {
            failures.add(role + " " + page + ": never showed " + what);
        }
    }

    private void check(String role, String page, String size) throws Exception {
        String where = role + " " + page + " " + size;
        String title = vi.get("title." + page.split("-")[0]) + " — Loa";
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> title.equals(browser.js("return document.title")));
        } catch (ConditionTimeoutException e) {
            failures.add(where + ": title is \"" + browser.js("return document.title") + "\", not \"" + title + "\"");
        }
        browser.js("window.scrollTo(0, 0)");
        browser.fullPage("walk-" + role + "-" + page + "-" + size);
        // What a person can unfold (a user's edit form, the token sign-in) is checked unfolded too.
        browser.js("document.querySelectorAll('#view details').forEach(d => { d.open = true; })");
        String overflow = browser.overflowX();
        if (!overflow.isEmpty()) {
            failures.add(where + ": scrolls sideways: " + overflow);
        }
        for (String text : browser.untranslated(new TreeSet<>(vi.keySet()))) {
            failures.add(where + ": untranslated " + text);
        }
        for (String violation : browser.axeViolations(IMPACTS)) {
            failures.add(where + ": axe " + violation);
        }
    }
}
