package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.ApiClient;
import vn.loa.server.TestClips;
import vn.loa.server.TestServer;
import vn.loa.sim.Recorder;

/**
 * Issue 16 item 5: an alert drafted with a message and no recording speaks its message. The tone still
 * comes first; the alert keeps its text and the spoken file; a simulated receiver airs both and its
 * recording is longer than the tone and decodes cleanly.
 */
class SpokenAlertTest extends PlayoutHarness {

    @Test
    void anAlertWithTextOnlyAirsItsMessageAsSpeechAfterTheTone() throws Exception {
        // A district officer over two communes: the speech still finds an area (the first of theirs).
        ApiClient officer = server.as(server.user("can-bo-huyen", "officer", "commune-a", "commune-b"));
        connect(List.of("st-07"));
        TestServer.Reply drafted = officer.post("/api/alerts", JSON, """
                {"title":"Lũ quét","message":"Lũ quét trên suối Nậm Păm. Mực nước 2,5 m, trên BĐ3 0,3 m. Bà con sơ tán ngay lên đồi.",
                 "attentionTone":true,"targets":{"areas":["commune-a"]}}""");
        assertEquals(201, drafted.status(), drafted.toString());
        JsonNode content = drafted.body().get("content");
        String spoken = content.get("spoken").asText();
        assertTrue(spoken.startsWith("canh-bao-") && spoken.endsWith(".mp3"), drafted.toString());
        assertEquals("[\"" + spoken + "\"]", content.get("media").toString(), "the speech is what airs");
        assertTrue(drafted.body().get("message").asText().startsWith("Lũ quét trên suối"), "the text is kept for the record");
        long id = drafted.body().get("id").asLong();
        JsonNode again = server.get("/api/alerts/" + id).body();
        assertEquals(spoken, again.at("/content/spoken").asText(), "the API shows the spoken file");
        assertTrue(Files.exists(dir.resolve("media").resolve(spoken)));
        JsonNode file = java.util.stream.StreamSupport.stream(officer.get("/api/media").body().spliterator(), false)
                .filter(m -> m.get("path").asText().equals(spoken)).findFirst().orElseThrow();
        assertEquals("commune-a", file.get("area").asText());
        assertEquals(22050, file.get("sampleRate").asInt(), "the attention tone's rate: they air in one session");

        TestServer.Reply test = officer.post("/api/alerts/" + id + "/test", JSON, "");
        assertEquals(201, test.status(), test.toString());
        long session = test.body().get("session").asLong();
        awaitEnded(List.of("st-07"), session, "COMPLETED");
        long frames = number(of("st-07", "play_end", session).get(0), "frames");
        assertTrue(frames > TestClips.TONE_FRAMES + 100, "tone and speech: " + frames + " frames, the tone alone is "
                + TestClips.TONE_FRAMES);
        Path recording = Recorder.file(recordings, "st-07", session);
        await().atMost(WAIT).until(() -> Files.exists(recording) && Files.size(recording) > 0);
        Ffmpeg.assertDecodesCleanly(recording);
    }

    @Test
    void aDraftRefusedAfterItsSpeechLeavesNoRecordingBehind() throws Exception {
        ApiClient officer = server.as(server.user("can-bo-huyen", "officer", "commune-a"));
        TestServer.Reply refused = officer.post("/api/alerts", JSON, """
                {"title":"Lũ quét","message":"Sơ tán ngay.","attentionTone":true,"targets":{"areas":["commune-a"]},
                 "expiresAt":"2020-01-01T00:00:00Z"}""");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("alert_expiry_invalid", refused.body().get("code").asText());
        try (var files = Files.list(dir.resolve("media"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("canh-bao-")), "the speech was taken back");
        }
    }

    @Test
    void anAlertWithARecordingIsNotSpoken() {
        ApiClient officer = server.as(server.user("can-bo-huyen", "officer", "commune-a"));
        TestServer.Reply drafted = officer.post("/api/alerts", JSON, """
                {"title":"Lũ quét","message":"Sơ tán ngay.","media":["alert.mp3"],"targets":{"areas":["commune-a"]}}""");
        assertEquals(201, drafted.status(), drafted.toString());
        assertTrue(drafted.body().at("/content/spoken").isNull());
        assertEquals("[\"alert.mp3\"]", drafted.body().at("/content/media").toString());
    }
}
