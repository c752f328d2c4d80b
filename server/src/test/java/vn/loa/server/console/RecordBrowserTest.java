package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;
import vn.loa.server.media.Mp3Audio;
import vn.loa.server.media.Mp3Parser;

/**
 * A commune operator records a bulletin in the browser, from a desk and from a phone: Chromium's fake
 * microphone beeps, the level meter moves, three seconds are taken, half a second is cut off the start
 * with the arrow keys, and the take is saved under a name and a Vietnamese title. The library then holds a
 * 2.5 s MP3 in the station format (MPEG-1 Layer III, 44.1 kHz, mono, 64 kbit/s in every frame) that
 * ffmpeg decodes cleanly. A refused microphone is told in Vietnamese.
 */
class RecordBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60); // the machine is shared: slow, not stuck
    private static final Set<String> IMPACTS = Set.of("critical", "serious", "moderate", "minor");
    private static final String FAKE_DEVICE = "--use-fake-device-for-media-stream";
    @TempDir
    Path dir;
    TestServer server;
    Browser browser;
    ApiClient operator;
    Set<String> keys;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900,desktop", "390,844,phone"})
    void anOperatorRecordsTrimsAndSavesABulletin(int width, int height, String size) throws Exception {
        open("operator", width, height, FAKE_DEVICE, "--use-fake-ui-for-media-stream");
        var driver = browser.driver;
        await().atMost(WAIT).until(() -> "Bắt đầu ghi".equals(browser.text(By.id("rec-toggle"))));
        assertTrue(browser.text(By.cssSelector(".record-phone")).contains("Tải tệp ghi âm từ điện thoại"));
        assertEquals("#/library", driver.findElement(By.id("record-upload-link")).getAttribute("href").replaceAll(".*(#.*)", "$1"));
        checkPage("start", size);

        browser.click(By.id("rec-toggle"));
        await().atMost(WAIT).until(() -> "Dừng ghi".equals(browser.text(By.id("rec-toggle"))));
        // The fake device beeps: the meter must move off zero, and say its level in words too.
        await().atMost(WAIT).until(() -> Integer.parseInt(driver.findElement(By.id("rec-level")).getAttribute("data-peak")) > 0);
        await().atMost(WAIT).until(() -> Double.parseDouble(driver.findElement(By.id("rec-level")).getAttribute("value")) > 0
                && browser.text(By.id("rec-level-text")).endsWith("dB"));
        browser.screenshot("record-recording-" + size);
        // Stopped at three seconds by the page's own clock, as a person watching the counter would, without
        // the round trips of a WebDriver click in between.
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const watch = setInterval(() => {
                  if (Number(document.getElementById('rec-elapsed').dataset.ms) >= 3000) {
                    clearInterval(watch);
                    document.getElementById('rec-toggle').click();
                    done();
                  }
                }, 10);
                """);
        assertTrue(browser.text(By.id("rec-elapsed")).matches("0:0[34]"), browser.text(By.id("rec-elapsed")));

        await().atMost(WAIT).until(() -> driver.findElement(By.id("rec-kept")).isDisplayed());
        double taken = keptSeconds();
        assertTrue(taken > 2.8 && taken < 3.6, "the take is about 3 s long: " + taken);
        // Half a second cut off the start from the keyboard, 0.1 s a press.
        WebElement start = driver.findElement(By.id("rec-start"));
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", start);
        for (int i = 0; i < 5; i++) {
            start.sendKeys(Keys.ARROW_RIGHT);
        }
        assertEquals("0,5 giây", browser.text(By.id("rec-start-text")));
        assertEquals(taken - 0.5, keptSeconds(), 0.011);
        // The listen-back plays exactly the kept part.
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(browser.js(
                "return Math.abs(document.getElementById('rec-player').duration - arguments[0]) < 0.02", taken - 0.5)));
        checkPage("trim", size);

        // A name the library already has: the server's refusal is told in Vietnamese, and the take is kept to save again.
        WebElement field = driver.findElement(By.id("rec-name"));
        field.clear();
        field.sendKeys("bulletin");
        browser.click(By.id("rec-save"));
        await().atMost(WAIT).until(() -> !browser.text(By.id("rec-save-error")).isEmpty());
        assertTrue(browser.text(By.id("rec-save-error")).toLowerCase(Locale.ROOT).contains("đã có"), browser.text(By.id("rec-save-error")));
        assertTrue(driver.findElements(By.cssSelector("#rec-result .rec-saved")).isEmpty());

        String name = "ban-tin-ghi-am-" + size;
        field.clear();
        field.sendKeys(name);
        driver.findElement(By.id("rec-title")).sendKeys("Bản tin ghi âm thử");
        browser.click(By.id("rec-save"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("#rec-result .rec-saved")).isEmpty());
        assertTrue(browser.text(By.cssSelector("#rec-result .rec-saved")).startsWith("Đã lưu “Bản tin ghi âm thử”"));
        assertTrue(driver.findElement(By.id("rec-to-library")).getAttribute("href").endsWith("#/library"));

        JsonNode entry = media(name + ".mp3");
        long durationMs = entry.get("durationMs").asLong();
        assertEquals(2500, durationMs, 400, "about 3 s recorded, 0.5 s cut");
        assertEquals((taken - 0.5) * 1000, durationMs, 150, "the saved file is the kept part");
        assertEquals("Bản tin ghi âm thử", entry.get("title").asText());
        assertStationFormat(audio(name + ".mp3"));
        System.out.printf("record %s: take %.2f s, kept %.2f s, saved %d ms%n", size, taken, taken - 0.5, durationMs);
        checkPage("saved", size);
    }

    @Test
    void aRefusedMicrophoneIsToldInVietnamese() throws Exception {
        open("operator", 390, 844, FAKE_DEVICE, "--deny-permission-prompts");
        browser.click(By.id("rec-toggle"));
        await().atMost(WAIT).until(() -> !browser.text(By.id("rec-error")).isEmpty());
        assertTrue(browser.text(By.id("rec-error")).startsWith("Trình duyệt chưa cho phép dùng micrô"), browser.text(By.id("rec-error")));
        assertEquals("Bắt đầu ghi", browser.text(By.id("rec-toggle")), "nothing is recording");
        browser.screenshot("record-refused-phone");
    }

    @Test
    void aTechnicianIsToldRecordingIsForContentStaff() throws Exception {
        open("technician", 1400, 900, FAKE_DEVICE, "--use-fake-ui-for-media-stream");
        assertTrue(browser.text(By.id("record-not-allowed")).startsWith("Chỉ cán bộ soạn nội dung"));
        assertTrue(browser.driver.findElements(By.id("rec-toggle")).isEmpty(), "no microphone is offered");
        checkPage("not-allowed", "desktop");
    }

    private void open(String role, int width, int height, String... switches) throws Exception {
        server = new TestServer(dir);
        browser = new Browser(switches);
        keys = new TreeSet<>(new ObjectMapper().readValue(Path.of("src", "main", "resources", "web", "i18n", "vi.json").toFile(),
                Map.class).keySet());
        String token = server.user("nguoi-dung-xa-a", role, "commune-a");
        operator = server.as(token);
        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(width, height));
        String base = "http://127.0.0.1:" + server.httpPort();
        browser.signInWithToken(base, token);
        if (role.equals("technician")) {
            // The menu offers recording to content staff only; a technician who follows a link is told why.
            assertTrue(browser.driver.findElements(By.cssSelector("#nav a[href='#/record']:not([hidden])")).isEmpty(),
                    "no record link for a technician");
            browser.js("location.hash = '#/record'");
        } else {
            browser.click(By.cssSelector("#nav a[href='#/record']"));
        }
        await().atMost(WAIT).until(() -> "Ghi âm bản tin".equals(browser.text(By.cssSelector("#view h1"))));
        assertEquals("Ghi âm — Loa", browser.js("return document.title"));
    }

    /** No sideways scroll, no accessibility violation, no untranslated text; a screenshot to look at. */
    private void checkPage(String step, String size) throws Exception {
        browser.js("window.scrollTo(0, 0)");
        browser.fullPage("record-" + step + "-" + size);
        assertEquals("", browser.overflowX(), step + " " + size);
        assertEquals(List.of(), browser.untranslated(keys), step + " " + size);
        assertEquals(List.of(), browser.axeViolations(IMPACTS), step + " " + size);
    }

    private double keptSeconds() {
        return Double.parseDouble(browser.driver.findElement(By.id("rec-kept")).getAttribute("data-seconds"));
    }

    private JsonNode media(String path) {
        return StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .filter(m -> m.get("path").asText().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path + " not in the library"));
    }

    private byte[] audio(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(operator.builder("/api/media/audio?path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Every frame MPEG-1 Layer III, 64 kbit/s, 44.1 kHz, mono: the server has nothing to convert. */
    private void assertStationFormat(byte[] mp3) throws Exception {
        Mp3Audio parsed = Mp3Parser.parse(mp3);
        assertEquals("MPEG-1", parsed.mpegVersion());
        assertEquals(44100, parsed.sampleRate());
        assertEquals(1, parsed.channels());
        assertFalse(parsed.vbr(), "constant bit rate");
        byte[] a = parsed.audio();
        for (int f = 0; f < parsed.frameCount(); f++) {
            int at = parsed.frameStart(f);
            String where = "frame " + f + " of " + parsed.frameCount();
            assertEquals(0xFA, a[at + 1] & 0xFE, where + ": MPEG-1 Layer III");
            assertEquals(5, (a[at + 2] >> 4) & 0xF, where + ": 64 kbit/s");
            assertEquals(0, (a[at + 2] >> 2) & 3, where + ": 44.1 kHz");
            assertEquals(3, (a[at + 3] >> 6) & 3, where + ": mono");
        }
        Path file = dir.resolve("saved.mp3");
        Files.write(file, mp3);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(ffmpeg.getInputStream().readAllBytes());
        assertEquals(0, ffmpeg.waitFor(), errors);
        assertTrue(errors.isBlank(), "ffmpeg found problems: " + errors);
    }
}
