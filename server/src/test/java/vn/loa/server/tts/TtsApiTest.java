package vn.loa.server.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/** POST /api/tts makes a library entry (201, durationMs), /preview answers audio and keeps nothing, /voices lists. */
class TtsApiTest {
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    ApiClient operator;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        operator = server.as(server.user("can-bo-xa", "operator", "commune-a"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void voicesAreTheThreeVietnameseOnes() {
        TestServer.Reply voices = operator.get("/api/tts/voices");
        assertEquals(200, voices.status(), voices.toString());
        JsonNode engine = voices.body().get("engines").get(0);
        assertEquals("espeak-ng", engine.get("name").asText());
        assertEquals("[\"north\",\"central\",\"south\"]", StreamSupport.stream(engine.get("voices").spliterator(), false)
                .map(v -> "\"" + v.get("region").asText() + "\"").toList().toString().replace(" ", ""));
        assertEquals(5000, voices.body().get("maxChars").asInt());
    }

    @Test
    void textBecomesALibraryEntryWithItsDuration() {
        TestServer.Reply saved = operator.post("/api/tts", JSON, """
                {"text":"UBND xã thông báo: ngày 3/12 tiêm vắc xin sởi cho trẻ từ 9-18 tháng tuổi tại TYT xã, từ 7h30.",
                 "voice":"vi-VN-x-south","rate":1.2,"name":"tiem-chung-soi","title":"Lịch tiêm chủng sởi"}""");
        assertEquals(201, saved.status(), saved.toString());
        assertEquals("tiem-chung-soi.mp3", saved.body().get("path").asText());
        assertTrue(saved.body().get("accepted").asBoolean());
        assertTrue(saved.body().get("durationMs").asLong() > 3000, saved.toString());
        assertEquals("Lịch tiêm chủng sởi", saved.body().get("title").asText());
        assertEquals("vi", saved.body().get("language").asText());
        assertEquals("commune-a", saved.body().get("area").asText(), "the speaker's area, as for an upload");
        assertTrue(Files.exists(dir.resolve("media/tiem-chung-soi.mp3")));
        assertTrue(StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .anyMatch(m -> m.get("path").asText().equals("tiem-chung-soi.mp3") && m.get("accepted").asBoolean()));

        TestServer.Reply again = operator.post("/api/tts", JSON, "{\"text\":\"Lần nữa\",\"name\":\"tiem-chung-soi.mp3\"}");
        assertEquals(409, again.status(), again.toString());
        assertEquals("name_taken", again.body().get("code").asText());
    }

    @Test
    void previewAnswersAudioAndKeepsNothing() throws Exception {
        long before;
        try (var files = Files.list(dir.resolve("media"))) {
            before = files.count();
        }
        HttpResponse<byte[]> preview = HttpClient.newHttpClient().send(operator.builder("/api/tts/preview")
                .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"Cắt điện từ 6h-12h ngày 5/12.\",\"voice\":\"vi\",\"rate\":1.0}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, preview.statusCode());
        assertEquals("audio/mpeg", preview.headers().firstValue("Content-Type").orElse(""));
        byte[] mp3 = preview.body();
        assertTrue(mp3.length > 5_000, mp3.length + " bytes");
        try (var files = Files.list(dir.resolve("media"))) {
            assertEquals(before, files.count(), "a preview is not saved");
        }
        assertFalse(StreamSupport.stream(operator.get("/api/media").body().spliterator(), false)
                .anyMatch(m -> m.get("path").asText().startsWith("doc-")));
    }

    @Test
    void refusalsHaveCodes() {
        assertEquals("tts_text_empty", operator.post("/api/tts", JSON, "{\"text\":\"  \"}").body().get("code").asText());
        assertEquals("tts_rate_out_of_range", operator.post("/api/tts/preview", JSON, "{\"text\":\"a\",\"rate\":3}")
                .body().get("code").asText());
        TestServer.Reply voice = operator.post("/api/tts/preview", JSON, "{\"text\":\"a\",\"voice\":\"en\"}");
        assertEquals(400, voice.status());
        assertEquals("tts_unknown_voice", voice.body().get("code").asText());
        TestServer.Reply tooLong = operator.post("/api/tts", JSON, "{\"text\":\"" + "a".repeat(5001) + "\"}");
        assertEquals("tts_text_too_long", tooLong.body().get("code").asText());
        assertEquals("5000", tooLong.body().get("params").get("max").asText());
        ApiClient technician = server.as(server.user("ky-thuat", "technician", "commune-a"));
        assertEquals(403, technician.post("/api/tts", JSON, "{\"text\":\"a\"}").status(), "speech is content work");
    }
}
