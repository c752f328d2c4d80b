package vn.loa.server.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * A commune operator keeps the library from a desk and from a phone: drops an MP3 onto the page, gives
 * it a Vietnamese title and its language (Ca Dong), finds it again by language and by a search typed
 * without marks, puts a programme in order by dragging a row, and deletes a file after one question.
 * The page never scrolls sideways.
 */
class LibraryBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30); // the machine is shared: slow, not stuck
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    Browser browser;
    ApiClient operator;

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

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400,900,desktop", "390,844,phone"})
    void anOperatorKeepsTheLibrary(int width, int height, String size) throws Exception {
        String token = server.user("van-thu-xa-a", "operator", "commune-a");
        operator = server.as(token);
        assertEquals(201, operator.post("/api/playlists", JSON, """
                {"name":"sang.m3u8","title":"Chương trình sáng","items":[{"path":"bulletin.mp3"},{"path":"tone.mp3"},
                 {"path":"alert.mp3"}]}""").status());

        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(width, height));
        String base = "http://127.0.0.1:" + server.httpPort();
        browser.signInWithToken(base, token);
        driver.get(base + "/#/library");
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("#media li[data-path='tone.mp3']")).isEmpty());
        assertNoSidewaysScroll(size);
        browser.screenshot("library-start-" + size);

        // Dropped onto the zone: a real MP3 in a DataTransfer, as a file manager hands it over.
        String mp3 = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("media/bulletin.mp3")));
        browser.js("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'ban-tin-ca-dong.mp3', { type: 'audio/mpeg' }));
                data.items.add(new File(['not audio at all'], 'hong.mp3', { type: 'audio/mpeg' }));
                const zone = document.getElementById('dropzone');
                zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
                zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
                """, mp3);
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector("#uploads li.ok .result")).startsWith("Đã nhận"));
        // Told in Vietnamese (by its code where the server gives a precise one), never the English reason.
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector("#uploads li.refused[data-file='hong.mp3'] .result"))
                .startsWith("Tệp"));
        assertTrue(!browser.text(By.cssSelector("#uploads li.refused .result")).contains("refused"));
        assertEquals(null, media("hong.mp3"), "a refused upload leaves nothing behind");
        String card = "#media li[data-path='ban-tin-ca-dong.mp3']";
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(card)).isEmpty());
        assertEquals("commune-a", media("ban-tin-ca-dong.mp3").get("area").asText());
        assertTrue(browser.text(By.cssSelector(card + " .date")).matches("\\d\\d/\\d\\d/\\d{4}"), "dates as dd/MM/yyyy");
        assertTrue(browser.text(By.cssSelector(card + " .length")).matches("\\d+:\\d\\d"), "lengths as m:ss");
        String loudness = browser.text(By.cssSelector(card + " .loudness"));
        assertTrue(java.util.regex.Pattern.compile("\u2212(15|16|17),\\d LUFS").matcher(loudness).find(),
                "loudness the Vietnamese way, at the target (issue 16): " + loudness);
        assertEquals("Chưa ghi ngôn ngữ", browser.text(By.cssSelector(card + " .lang")));

        // A title of its own and its language.
        browser.click(By.cssSelector(card + " button.edit"));
        WebElement title = driver.findElement(By.cssSelector(card + " input.f-title"));
        title.clear();
        title.sendKeys("Bản tin tiếng Ca Dong");
        new Select(driver.findElement(By.cssSelector(card + " select.f-lang"))).selectByValue("sed-x-cadong");
        assertNoSidewaysScroll(size);
        browser.screenshot("library-edit-" + size);
        browser.click(By.cssSelector(card + " button.save"));
        await().atMost(WAIT).until(() -> "sed-x-cadong".equals(media("ban-tin-ca-dong.mp3").path("language").asText()));
        assertEquals("Bản tin tiếng Ca Dong", media("ban-tin-ca-dong.mp3").get("title").asText());
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector(card + " .lang")).equals("Ca Dong"));
        assertEquals("Bản tin tiếng Ca Dong", browser.text(By.cssSelector(card + " h3")));

        // Found by its language, and by a search typed without marks.
        new Select(driver.findElement(By.id("media-language"))).selectByValue("sed-x-cadong");
        assertEquals(List.of("ban-tin-ca-dong.mp3"), shownPaths());
        new Select(driver.findElement(By.id("media-language"))).selectByValue("");
        assertTrue(shownPaths().size() >= 5, shownPaths().toString());
        driver.findElement(By.id("media-search")).sendKeys("ban tin ca dong");
        assertEquals(List.of("ban-tin-ca-dong.mp3"), shownPaths());
        browser.screenshot("library-" + size);
        driver.findElement(By.id("media-search")).clear();
        browser.js("document.getElementById('media-search').dispatchEvent(new Event('input'));");

        // A file shipped with the server can be played and used, not changed: the card says so and offers no change.
        assertTrue(driver.findElements(By.cssSelector("#media li[data-path='tone.mp3'] button.delete, "
                + "#media li[data-path='tone.mp3'] button.edit")).isEmpty());
        assertTrue(browser.text(By.cssSelector("#media li[data-path='tone.mp3'] .read-only")).contains("không sửa hay xoá"));
        assertTrue(browser.text(By.cssSelector("#media li[data-path='tone.mp3'] button.play")).equals("Nghe"));
        // Someone else's change lands between reading and clicking: the server still refuses, in Vietnamese.
        server.put("/api/playlists/sang.m3u8", "{\"items\":[{\"path\":\"ban-tin-ca-dong.mp3\"}],\"version\":1}");
        browser.click(By.cssSelector(card + " button.delete"));
        driver.switchTo().alert().accept();
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector(card + " .error")).contains("đang được dùng"));
        assertTrue(browser.text(By.cssSelector(card + " .error")).contains("danh sách phát sang.m3u8"), browser.text(By.cssSelector(card + " .error")));
        server.put("/api/playlists/sang.m3u8", "{\"items\":[{\"path\":\"bulletin.mp3\"},{\"path\":\"tone.mp3\"},"
                + "{\"path\":\"alert.mp3\"}],\"version\":2}");
        driver.navigate().refresh();
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(card)).isEmpty());

        // The programme put in order by dragging its first row onto its last.
        new Select(driver.findElement(By.id("pl-load"))).selectByValue("sang.m3u8");
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#pl-items li")).size() == 3);
        browser.js("""
                const rows = document.querySelectorAll('#pl-items li');
                const data = new DataTransfer();
                const fire = (row, type) => row.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
                fire(rows[0], 'dragstart');
                fire(rows[2], 'dragover');
                fire(rows[2], 'drop');
                fire(rows[0], 'dragend');
                """);
        assertEquals(List.of("tone.mp3", "alert.mp3", "bulletin.mp3"), browser.driver.findElements(By.cssSelector("#pl-items li"))
                .stream().map(li -> li.getAttribute("data-path")).toList());
        // And one row moved with its button, as on a touch screen or from the keyboard.
        browser.click(By.cssSelector("#pl-items li[data-path='bulletin.mp3'] button.up"));
        // A file added by searching its new title; then taken out again.
        driver.findElement(By.id("pl-find")).sendKeys("tieng ca dong");
        browser.click(By.cssSelector("#pl-found button[data-path='ban-tin-ca-dong.mp3']"));
        assertEquals("ban-tin-ca-dong.mp3", driver.findElements(By.cssSelector("#pl-items li")).get(3).getAttribute("data-path"));
        assertTrue(browser.text(By.id("pl-total")).matches("Tổng thời lượng: \\d+:\\d\\d · 4 tệp"), browser.text(By.id("pl-total")));
        browser.click(By.cssSelector("#pl-items li[data-path='ban-tin-ca-dong.mp3'] button.remove"));
        assertTrue(browser.text(By.id("pl-total")).matches("Tổng thời lượng: \\d+:\\d\\d · 3 tệp"), browser.text(By.id("pl-total")));
        assertNoSidewaysScroll(size);
        browser.js("document.getElementById('pl-items').scrollIntoView();");
        browser.screenshot("library-playlist-" + size);
        browser.click(By.id("pl-save"));
        await().atMost(WAIT).until(() -> server.get("/api/playlists/sang.m3u8").body().get("version").asInt() == 4);
        JsonNode saved = server.get("/api/playlists/sang.m3u8").body();
        assertEquals(List.of("tone.mp3", "bulletin.mp3", "alert.mp3"), StreamSupport.stream(saved.get("items").spliterator(), false)
                .map(i -> i.get("path").asText()).toList());

        // Someone else saves meanwhile: the stale save is told in Vietnamese, with a way to reload.
        assertEquals(200, operator.put("/api/playlists/sang.m3u8", "{\"items\":[{\"path\":\"alert.mp3\"}],\"version\":4}").status());
        browser.click(By.cssSelector("#pl-items li[data-path='bulletin.mp3'] button.remove"));
        browser.click(By.id("pl-save"));
        await().atMost(WAIT).until(() -> browser.text(By.id("pl-error")).contains("Người khác vừa sửa"));
        browser.click(By.id("pl-reload"));
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#pl-items li")).size() == 1);
        // The programme is no longer wanted: deleted after one question; its files stay.
        browser.click(By.id("pl-delete"));
        driver.switchTo().alert().accept();
        await().atMost(WAIT).until(() -> server.get("/api/playlists/sang.m3u8").status() == 404);
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector("#pl-items li")).isEmpty());
        assertTrue(media("alert.mp3") != null);

        // Its own file replaced by another recording under the same name: title and language stay.
        long before = media("ban-tin-ca-dong.mp3").get("durationMs").asLong();
        Path other = dir.resolve("ghi-lai.mp3");
        Files.copy(dir.resolve("media/long.mp3"), other);
        driver.findElement(By.cssSelector(card + " input[type=file]")).sendKeys(other.toString());
        await().atMost(WAIT).until(() -> media("ban-tin-ca-dong.mp3").get("durationMs").asLong() != before);
        await().atMost(WAIT).until(() -> browser.text(By.cssSelector(card + " .lang")).equals("Ca Dong"));
        assertEquals("sed-x-cadong", media("ban-tin-ca-dong.mp3").get("language").asText());

        // Its own file, no longer wanted: deleted after one question.
        browser.click(By.cssSelector(card + " button.delete"));
        driver.switchTo().alert().accept();
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(card)).isEmpty());
        assertEquals(null, media("ban-tin-ca-dong.mp3"));
        assertNoSidewaysScroll(size);
    }

    private JsonNode media(String path) {
        return StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .filter(m -> m.get("path").asText().equals(path)).findFirst().orElse(null);
    }

    private List<String> shownPaths() {
        return browser.driver.findElements(By.cssSelector("#media li.media-card")).stream()
                .map(li -> li.getAttribute("data-path")).toList();
    }

    private void assertNoSidewaysScroll(String size) {
        List<?> w = (List<?>) browser.js("return [document.scrollingElement.scrollWidth, window.innerWidth];");
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(),
                size + ": the page is wider than the screen: " + w + " " + browser.js(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                                + "window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);"));
    }
}
