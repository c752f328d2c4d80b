package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * A commune operator types a notice, picks the southern voice and a faster speed, listens to it in the
 * page, saves it to the library under a title and is offered the playlist and the alert pages next; at a
 * desk and on a phone, in Vietnamese only, without sideways scrolling or accessibility violations.
 */
class TtsBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(40); // the machine is shared: slow, not stuck
    private static final Set<String> IMPACTS = Set.of("critical", "serious", "moderate", "minor");
    @TempDir
    Path dir;
    TestServer server;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        server.close();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({"1400,900,desktop", "390,844,phone"})
    void anOperatorTurnsANoticeIntoARecording(int width, int height, String size) throws Exception {
        String token = server.user("van-thu-xa-a", "operator", "commune-a");
        ApiClient operator = server.as(token);
        var driver = browser.driver;
        if (size.equals("phone")) {
            browser.phone();
        } else {
            browser.desktop();
        }
        String base = "http://127.0.0.1:" + server.httpPort();
        browser.signInWithToken(base, token);
        browser.click(By.cssSelector("#nav a[href='#/tts']"));
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("#tts-voice option")).isEmpty());
        assertEquals("Đọc văn bản thành giọng nói — Loa", driver.getTitle());
        Select voice = new Select(driver.findElement(By.id("tts-voice")));
        assertEquals(List.of("Giọng Bắc", "Giọng Trung", "Giọng Nam"), voice.getOptions().stream().map(WebElement::getText).toList());
        assertEquals("Giọng đọc", browser.text(By.cssSelector("label[for='tts-voice']")));
        check(size, "start");
        browser.screenshot("tts-start-" + size);

        driver.findElement(By.id("tts-text")).sendKeys("UBND xã thông báo: tạm ngừng cấp nước từ 8h đến 17h ngày 6/12. "
                + "Bà con chủ động trữ nước. Mọi thắc mắc gọi 0912 345 678.");
        assertTrue(browser.text(By.id("tts-count")).matches("\\d+ / 5\\.000 ký tự"), browser.text(By.id("tts-count")));
        voice.selectByVisibleText("Giọng Nam");
        browser.js("const r = document.getElementById('tts-rate'); r.value = '1.3'; r.dispatchEvent(new Event('input'));");
        assertEquals("1,3×", browser.text(By.id("tts-rate-value")));
        browser.click(By.id("tts-preview"));
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(browser.js("const a = document.getElementById('tts-audio');"
                + "return !a.hidden && a.src.startsWith('blob:') && a.readyState >= 1 && a.duration > 3")));
        assertTrue(noEntries(operator), "listening keeps nothing in the library");
        check(size, "preview");
        browser.screenshot("tts-preview-" + size);

        driver.findElement(By.id("tts-title")).sendKeys("Lịch cắt nước 6/12");
        driver.findElement(By.id("tts-name")).sendKeys("cat-nuoc-" + size);
        browser.click(By.id("tts-save"));
        await().atMost(WAIT).until(() -> driver.findElement(By.id("tts-saved")).isDisplayed());
        assertTrue(browser.text(By.id("tts-saved")).startsWith("Đã lưu “Lịch cắt nước 6/12”"), browser.text(By.id("tts-saved")));
        JsonNode entry = StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .filter(m -> m.get("path").asText().equals("cat-nuoc-" + size + ".mp3")).findFirst().orElseThrow();
        assertTrue(entry.get("durationMs").asLong() > 3000, entry.toString());
        assertEquals("Lịch cắt nước 6/12", entry.get("title").asText());
        assertEquals("Dùng trong danh sách phát", browser.text(By.id("tts-to-library")));
        assertEquals("#/library", driver.findElement(By.id("tts-to-library")).getAttribute("href").replaceAll(".*(#/.*)", "$1"));
        assertEquals("#/emergency", driver.findElement(By.id("tts-to-alert")).getAttribute("href").replaceAll(".*(#/.*)", "$1"));
        check(size, "saved");
        browser.js("document.getElementById('tts-saved').scrollIntoView();");
        browser.screenshot("tts-saved-" + size);

        // The same name again: told in Vietnamese, by the refusal's code.
        driver.findElement(By.id("tts-name")).sendKeys("cat-nuoc-" + size);
        browser.click(By.id("tts-save"));
        await().atMost(WAIT).until(() -> browser.text(By.id("alert-notice")).contains("đã có"));
    }

    private boolean noEntries(ApiClient operator) {
        return StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .noneMatch(m -> m.get("path").asText().startsWith("doc-") || m.get("path").asText().startsWith("cat-nuoc"));
    }

    private void check(String size, String step) throws Exception {
        assertEquals("", browser.overflowX(), size + " " + step);
        @SuppressWarnings("unchecked")
        Map<String, Object> vi = new ObjectMapper().readValue(Path.of("src", "main", "resources", "web", "i18n", "vi.json")
                .toFile(), Map.class);
        assertEquals(List.of(), browser.untranslated(new TreeSet<>(vi.keySet())), size + " " + step);
        assertEquals(List.of(), browser.axeViolations(IMPACTS), size + " " + step);
    }
}
