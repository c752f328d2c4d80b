package vn.loa.server.media;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/**
 * Issue 15, the library: a file gets a title and a language tag of its own, can be renamed and deleted;
 * neither may leave a playlist or schedule pointing at nothing (refused as media_in_use, naming who uses
 * it), and another commune's operator can change none of it (each refusal audited under their name).
 */
class MediaMetadataApiTest {
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    ApiClient operatorA;
    ApiClient operatorB;
    Path media;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        operatorA = server.as(server.user("xa-a", "operator", "commune-a"));
        operatorB = server.as(server.user("xa-b", "operator", "commune-b"));
        media = dir.resolve("media");
        assertEquals(201, operatorA.post("/api/media?name=ban-tin-sang.mp3", "audio/mpeg",
                Files.readAllBytes(media.resolve("bulletin.mp3"))).status());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static TestServer.Reply patch(ApiClient client, String path, String json) {
        return client.send(client.builder(path).header("Content-Type", JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode listed(String path) {
        return StreamSupport.stream(operatorB.get("/api/media").body().spliterator(), false)
                .filter(e -> e.get("path").asText().equals(path)).findFirst().orElse(null);
    }

    @Test
    void titleAndLanguageAreEditedKeptAndResetToTheDefault() {
        JsonNode before = listed("ban-tin-sang.mp3");
        assertEquals("ban-tin-sang", before.get("title").asText(), "no ID3 title: the file name is the title");
        assertTrue(before.get("language").isNull());
        assertTrue(before.get("modifiedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), before.toString());

        TestServer.Reply edited = patch(operatorA, "/api/media/ban-tin-sang.mp3",
                "{\"title\":\"Bản tin sáng tiếng Ca Dong\",\"language\":\"sed-x-cadong\"}");
        assertEquals(200, edited.status(), edited.toString());
        assertEquals("Bản tin sáng tiếng Ca Dong", edited.body().get("title").asText());
        JsonNode after = listed("ban-tin-sang.mp3");
        assertEquals("Bản tin sáng tiếng Ca Dong", after.get("title").asText());
        assertEquals("sed-x-cadong", after.get("language").asText());

        assertEquals(200, patch(operatorA, "/api/media/ban-tin-sang.mp3", "{\"title\":\"\"}").status());
        JsonNode reset = listed("ban-tin-sang.mp3");
        assertEquals("ban-tin-sang", reset.get("title").asText(), "an empty title goes back to the default");
        assertEquals("sed-x-cadong", reset.get("language").asText(), "a field left out is kept");

        TestServer.Reply badLanguage = patch(operatorA, "/api/media/ban-tin-sang.mp3", "{\"language\":\"Ca Dong!\"}");
        assertEquals(400, badLanguage.status());
        assertEquals("media_language_invalid", badLanguage.body().get("code").asText());
        TestServer.Reply badTitle = patch(operatorA, "/api/media/ban-tin-sang.mp3", "{\"title\":\"a\\u202Eb\"}");
        assertEquals("media_title_invalid", badTitle.body().get("code").asText());
        assertEquals(404, patch(operatorA, "/api/media/khong-co.mp3", "{\"title\":\"x\"}").status());
    }

    @Test
    void anotherCommunesOperatorCanNeitherEditRenameNorDelete() throws Exception {
        byte[] bytes = Files.readAllBytes(media.resolve("ban-tin-sang.mp3"));
        assertFalse(listed("ban-tin-sang.mp3").get("mayChange").asBoolean(), "the list tells B it cannot change A's file");
        assertTrue(StreamSupport.stream(operatorA.get("/api/media").body().spliterator(), false)
                .filter(e -> e.get("path").asText().equals("ban-tin-sang.mp3")).findFirst().orElseThrow()
                .get("mayChange").asBoolean(), "and A that it can");
        assertFalse(listed("tone.mp3").get("mayChange").asBoolean());
        for (TestServer.Reply refused : new TestServer.Reply[] {
                patch(operatorB, "/api/media/ban-tin-sang.mp3", "{\"title\":\"Của xã B\"}"),
                patch(operatorB, "/api/media/ban-tin-sang.mp3", "{\"name\":\"cua-xa-b.mp3\"}"),
                operatorB.delete("/api/media/ban-tin-sang.mp3"),
                patch(operatorB, "/api/media/tone.mp3", "{\"language\":\"vi\"}")}) {
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("library_item_not_yours", refused.body().get("code").asText());
        }
        assertEquals("ban-tin-sang", listed("ban-tin-sang.mp3").get("title").asText(), "the refusals changed nothing");
        assertArrayEquals(bytes, Files.readAllBytes(media.resolve("ban-tin-sang.mp3")));
        assertFalse(Files.exists(media.resolve("cua-xa-b.mp3")));
        await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(
                server.get("/api/audit?actor=xa-b").body().spliterator(), false)
                .filter(e -> e.get("status").asInt() == 403).map(e -> e.get("action").asText())
                .filter(a -> a.startsWith("PATCH ") || a.startsWith("DELETE ")).count() == 4);
    }

    @Test
    void aRenameKeepsTitleLanguageAndAreaAndIsRefusedWhileAPlaylistUsesTheFile() {
        assertEquals(200, patch(operatorA, "/api/media/ban-tin-sang.mp3", "{\"language\":\"bdq\"}").status());
        TestServer.Reply renamed = patch(operatorA, "/api/media/ban-tin-sang.mp3",
                "{\"name\":\"Bản tin sáng Ba Na.mp3\",\"title\":\"Bản tin sáng\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Bản tin sáng Ba Na.mp3", renamed.body().get("path").asText());
        assertEquals("commune-a", renamed.body().get("area").asText(), "the file keeps its commune");
        assertEquals("bdq", renamed.body().get("language").asText());
        assertTrue(Files.exists(media.resolve("Bản tin sáng Ba Na.mp3")));
        assertFalse(Files.exists(media.resolve("ban-tin-sang.mp3")));
        assertEquals(null, listed("ban-tin-sang.mp3"));

        TestServer.Reply taken = patch(operatorA, "/api/media/B%E1%BA%A3n%20tin%20s%C3%A1ng%20Ba%20Na.mp3",
                "{\"name\":\"tone.mp3\"}");
        assertEquals(409, taken.status(), taken.toString());
        assertEquals("media_exists", taken.body().get("code").asText());

        assertEquals(201, operatorA.post("/api/playlists", JSON,
                "{\"name\":\"sang.m3u8\",\"items\":[{\"path\":\"Bản tin sáng Ba Na.mp3\"}]}").status());
        TestServer.Reply inUse = patch(operatorA, "/api/media/B%E1%BA%A3n%20tin%20s%C3%A1ng%20Ba%20Na.mp3",
                "{\"name\":\"khac.mp3\"}");
        assertEquals(409, inUse.status(), inUse.toString());
        assertEquals("media_in_use", inUse.body().get("code").asText());
        assertEquals("sang.m3u8", inUse.body().at("/params/playlists").asText());
        JsonNode playlist = server.get("/api/playlists/sang.m3u8").body();
        assertEquals("Bản tin sáng Ba Na.mp3", playlist.at("/items/0/path").asText());
        assertTrue(playlist.get("problems").isEmpty(), "the playlist still plays: " + playlist);
        assertEquals(201, operatorA.post("/api/broadcasts", JSON,
                "{\"playlist\":\"sang.m3u8\",\"targets\":{\"areas\":[\"commune-a\"]}}").status());
    }

    @Test
    void aFileInUseIsNotDeletedAndOneNoLongerUsedIs() {
        assertEquals(201, operatorA.post("/api/playlists", JSON,
                "{\"name\":\"sang.m3u8\",\"items\":[{\"path\":\"ban-tin-sang.mp3\"}]}").status());
        TestServer.Reply schedule = operatorA.post("/api/schedules", JSON, """
                {"broadcast":{"media":["ban-tin-sang.mp3"],"targets":{"areas":["commune-a"]}},
                 "recurrence":{"type":"daily","times":["06:00"]}}""");
        assertEquals(201, schedule.status(), schedule.toString());
        long scheduleId = schedule.body().get("id").asLong();

        TestServer.Reply refused = operatorA.delete("/api/media/ban-tin-sang.mp3");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("media_in_use", refused.body().get("code").asText());
        assertEquals("sang.m3u8", refused.body().at("/params/playlists").asText());
        assertEquals(String.valueOf(scheduleId), refused.body().at("/params/schedules").asText());
        assertTrue(Files.exists(media.resolve("ban-tin-sang.mp3")));

        assertEquals(200, operatorA.delete("/api/playlists/sang.m3u8").status());
        assertEquals(200, operatorA.delete("/api/schedules/" + scheduleId).status());
        TestServer.Reply deleted = operatorA.delete("/api/media/ban-tin-sang.mp3");
        assertEquals(200, deleted.status(), deleted.toString());
        assertFalse(Files.exists(media.resolve("ban-tin-sang.mp3")));
        assertEquals(null, listed("ban-tin-sang.mp3"));
        TestServer.Reply gone = operatorA.delete("/api/media/ban-tin-sang.mp3");
        assertEquals(404, gone.status());
        assertEquals("media_not_found", gone.body().get("code").asText());
    }

    @Test
    void aNewTitleIsWhatPlaylistsAndBroadcastsAnnounce() {
        assertEquals(201, operatorA.post("/api/playlists", JSON,
                "{\"name\":\"sang.m3u8\",\"items\":[{\"path\":\"ban-tin-sang.mp3\"},"
                        + "{\"path\":\"tone.mp3\",\"title\":\"Chuông\"}]}").status());
        assertEquals("ban-tin-sang", server.get("/api/playlists/sang.m3u8").body().at("/items/0/title").asText());

        assertEquals(200, patch(operatorA, "/api/media/ban-tin-sang.mp3", "{\"title\":\"Bản tin sáng thứ Hai\"}").status());
        JsonNode playlist = server.get("/api/playlists/sang.m3u8").body();
        assertEquals("Bản tin sáng thứ Hai", playlist.at("/items/0/title").asText());
        assertEquals("Chuông", playlist.at("/items/1/title").asText(), "a title the playlist gave its line stays");
        assertEquals(1, playlist.get("version").asInt(), "the playlist itself did not change");

        TestServer.Reply aired = operatorA.post("/api/broadcasts", JSON,
                "{\"media\":[\"ban-tin-sang.mp3\"],\"targets\":{\"areas\":[\"commune-a\"]}}");
        assertEquals(201, aired.status(), aired.toString());
        assertTrue(aired.toString().contains("Bản tin sáng thứ Hai"), aired.toString());
    }
}
