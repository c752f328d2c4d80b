package vn.loa.server.media;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The library belongs to areas: a commune operator cannot rewrite, delete or replace another commune's
 * playlist or file, and a refusal changes nothing; a district user over both communes can; every one
 * may still use (list, play) what another made; the audit row of an upload names the file.
 */
class LibraryOwnershipTest {
    private static final String JSON = "application/json";
    @TempDir
    Path dir;
    TestServer server;
    ApiClient operatorA;
    ApiClient operatorB;
    ApiClient district;
    Path media;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        operatorA = server.as(server.user("xa-a", "operator", "commune-a"));
        operatorB = server.as(server.user("xa-b", "operator", "commune-b"));
        district = server.as(server.user("huyen", "operator", "commune-a", "commune-b"));
        media = dir.resolve("media");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCommuneOperatorCannotRewriteOrDeleteAnotherCommunesPlaylist() {
        TestServer.Reply made = operatorA.post("/api/playlists", JSON,
                "{\"name\":\"tin-xa-a.m3u8\",\"items\":[{\"path\":\"bulletin.mp3\"}]}");
        assertEquals(201, made.status(), made.toString());
        assertEquals("commune-a", made.body().get("area").asText());

        TestServer.Reply rewrite = operatorB.put("/api/playlists/tin-xa-a.m3u8", "{\"items\":[{\"path\":\"tone.mp3\"}]}");
        assertEquals(403, rewrite.status(), rewrite.toString());
        assertEquals("library_item_not_yours", rewrite.body().get("code").asText());
        assertEquals(403, operatorB.delete("/api/playlists/tin-xa-a.m3u8").status());
        JsonNode unchanged = server.get("/api/playlists/tin-xa-a.m3u8").body();
        assertEquals("bulletin.mp3", unchanged.at("/items/0/path").asText(), "the refusal changed nothing");
        assertEquals(1, unchanged.get("version").asInt());
        assertEquals(201, operatorB.post("/api/broadcasts", JSON,
                "{\"playlist\":\"tin-xa-a.m3u8\",\"targets\":{\"areas\":[\"commune-b\"]}}").status(),
                "using another commune's playlist is still allowed");

        assertEquals(200, operatorA.put("/api/playlists/tin-xa-a.m3u8",
                "{\"items\":[{\"path\":\"tone.mp3\"}],\"version\":1}").status(), "its own commune may change it");
        assertEquals(200, district.put("/api/playlists/tin-xa-a.m3u8",
                "{\"items\":[{\"path\":\"alert.mp3\"}],\"version\":2}").status(), "a wider scope over it may too");
        assertEquals(200, district.delete("/api/playlists/tin-xa-a.m3u8").status());
        assertEquals(404, server.get("/api/playlists/tin-xa-a.m3u8").status());
    }

    @Test
    void aUserOverSeveralCommunesNamesTheAreaWithinTheirScope() {
        TestServer.Reply unnamed = district.post("/api/playlists", JSON, "{\"name\":\"chung.m3u8\",\"items\":[{\"path\":\"tone.mp3\"}]}");
        assertEquals(400, unnamed.status(), unnamed.toString());
        assertEquals("area_required", unnamed.body().get("code").asText());
        assertEquals(403, district.post("/api/playlists", JSON,
                "{\"name\":\"chung.m3u8\",\"area\":\"commune-c\",\"items\":[{\"path\":\"tone.mp3\"}]}").status());
        TestServer.Reply named = district.post("/api/playlists", JSON,
                "{\"name\":\"chung.m3u8\",\"area\":\"commune-b\",\"items\":[{\"path\":\"tone.mp3\"}]}");
        assertEquals(201, named.status(), named.toString());
        assertEquals("commune-b", named.body().get("area").asText());
        assertEquals(403, operatorA.delete("/api/playlists/chung.m3u8").status());
        assertEquals(200, operatorB.delete("/api/playlists/chung.m3u8").status());
    }

    @Test
    void aCommuneOperatorCannotReplaceAnotherCommunesMediaAndTheAuditNamesTheFile() throws Exception {
        byte[] bulletin = Files.readAllBytes(media.resolve("bulletin.mp3"));
        byte[] tone = Files.readAllBytes(media.resolve("tone.mp3"));
        TestServer.Reply uploaded = operatorA.post("/api/media?name=ban-tin-xa-a.mp3", "audio/mpeg", bulletin);
        assertEquals(201, uploaded.status(), uploaded.toString());
        assertEquals("ban-tin-xa-a.mp3", uploaded.body().get("id").asText());
        assertEquals("commune-a", uploaded.body().get("area").asText());
        byte[] stored = Files.readAllBytes(media.resolve("ban-tin-xa-a.mp3")); // converted on the way in (issue 16)

        TestServer.Reply replace = operatorB.post("/api/media?name=ban-tin-xa-a.mp3&replace=true", "audio/mpeg", tone);
        assertEquals(403, replace.status(), replace.toString());
        assertEquals("library_item_not_yours", replace.body().get("code").asText());
        assertArrayEquals(stored, Files.readAllBytes(media.resolve("ban-tin-xa-a.mp3")), "the file is untouched");
        assertEquals(403, operatorB.post("/api/media?name=tone.mp3&replace=true", "audio/mpeg", tone).status(),
                "a file shipped with the server is read-only for operators");
        assertEquals(201, district.post("/api/media?name=ban-tin-xa-a.mp3&replace=true", "audio/mpeg", tone).status());
        assertArrayEquals(tone, Files.readAllBytes(media.resolve(".originals/ban-tin-xa-a.mp3")),
                "the tone went in (kept as it came beside the station MP3 made of it)");
        assertFalse(java.util.Arrays.equals(stored, Files.readAllBytes(media.resolve("ban-tin-xa-a.mp3"))));
        JsonNode listed = StreamSupport.stream(operatorB.get("/api/media").body().spliterator(), false)
                .filter(e -> e.get("path").asText().equals("ban-tin-xa-a.mp3")).findFirst().orElseThrow();
        assertEquals("commune-a", listed.get("area").asText(), "replacing keeps the owner; every role still lists it");

        await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(
                server.get("/api/audit?actor=xa-a&action=POST%20/api/media").body().spliterator(), false)
                .anyMatch(e -> e.get("status").asInt() == 201 && "ban-tin-xa-a.mp3".equals(e.get("target").asText())));
        assertTrue(StreamSupport.stream(server.get("/api/audit?actor=xa-b&action=POST%20/api/media").body().spliterator(), false)
                .anyMatch(e -> e.get("status").asInt() == 403), "the refused replacement is audited under its user");
    }
}
