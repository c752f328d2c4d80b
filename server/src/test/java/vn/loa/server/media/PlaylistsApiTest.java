package vn.loa.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.TestServer;
import vn.loa.server.store.Databases;

/** Playlists made through the API: kept in the database, mirrored to M3U8 atomically, edited safely. */
class PlaylistsApiTest {
    private static final String JSON = "application/json";
    private static final String MORNING = """
            {"name":"tin-sáng.m3u8","title":"Chương trình sáng",
             "items":[{"path":"bulletin.mp3","title":"Tin sáng"},{"path":"tone.mp3"}]}""";

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void playlistsAreCreatedEditedAndDeletedWithTheirFileKeptInStep(String kind) throws Exception {
        String db = Databases.fresh(kind, dir);
        Path media = dir.resolve("media");
        try (TestServer server = new TestServer(dir, db)) {
            TestServer.Reply created = server.post("/api/playlists", JSON, MORNING);
            assertEquals(201, created.status(), created.toString());
            assertEquals("api", created.body().get("source").asText());
            assertEquals(1, created.body().get("version").asInt());
            assertEquals("admin", created.body().get("updatedBy").asText());
            assertEquals(2, created.body().get("items").size());
            long total = created.body().get("totalMs").asLong();
            assertEquals(3001 + 496, total, 30, "bulletin 3 s and tone 0.5 s");
            String file = Files.readString(media.resolve("tin-sáng.m3u8"), StandardCharsets.UTF_8);
            assertTrue(file.startsWith("#EXTM3U\n#PLAYLIST:Chương trình sáng\n#EXTINF:3,Tin sáng\nbulletin.mp3\n"), file);

            assertEquals(409, server.post("/api/playlists", JSON, MORNING).status(), "a name is created once");
            String edit = """
                    {"title":"Chương trình sáng","items":[{"path":"tone.mp3"},{"path":"bulletin.mp3"}],"version":1}""";
            TestServer.Reply edited = server.put("/api/playlists/tin-s%C3%A1ng.m3u8", edit);
            assertEquals(200, edited.status(), edited.toString());
            assertEquals(2, edited.body().get("version").asInt());
            assertEquals("tone.mp3", edited.body().at("/items/0/path").asText());
            TestServer.Reply stale = server.put("/api/playlists/tin-s%C3%A1ng.m3u8", edit);
            assertEquals(409, stale.status(), "an edit made on version 1 must not overwrite version 2");
            assertTrue(stale.body().get("error").asText().contains("changed by someone else"), stale.toString());

            String before = Files.readString(media.resolve("tin-sáng.m3u8"));
            refused(server, "{\"name\":\"x.m3u8\",\"items\":[{\"path\":\"nope.mp3\"}]}", "items[0]: 'nope.mp3' is not in the media library");
            refused(server, "{\"name\":\"x.m3u8\",\"items\":[{\"path\":\"bulletin.mp3\"},{\"path\":\"broken.mp3\"}]}", "items[1]: 'broken.mp3' was rejected");
            refused(server, "{\"name\":\"x.txt\",\"items\":[{\"path\":\"bulletin.mp3\"}]}", "must be a file name ending in .m3u8");
            refused(server, "{\"name\":\"..%2Fx.m3u8\",\"items\":[{\"path\":\"bulletin.mp3\"}]}", "must be a file name");
            refused(server, "{\"name\":\"x.m3u8\",\"items\":[]}", "items must list");
            refused(server, "{\"name\":\"x.m3u8\",\"items\":[{\"path\":\"bulletin.mp3\"}],\"loop\":true}", "unknown field 'loop'");
            refused(server, "{\"name\":\"x.m3u8\",\"title\":\"a\\nb\",\"items\":[{\"path\":\"bulletin.mp3\"}]}", "one line");
            assertEquals(before, Files.readString(media.resolve("tin-sáng.m3u8")));
            try (Stream<Path> files = Files.list(media)) {
                assertEquals(List.of("tin-sáng.m3u8"), files.map(p -> p.getFileName().toString())
                        .filter(n -> !n.endsWith(".mp3")).toList(), "no refused playlist and no temporary file left behind");
            }

            TestServer.Reply aired = server.post("/api/broadcasts", JSON,
                    "{\"playlist\":\"tin-sáng.m3u8\",\"targets\":{\"stations\":[\"st-01\"]}}");
            assertEquals(201, aired.status(), aired.toString());
            assertEquals("Chương trình sáng", aired.body().get("title").asText());

            TestServer.Reply schedule = server.post("/api/schedules", JSON, """
                    {"title":"Sáng","broadcast":{"playlist":"tin-sáng.m3u8","targets":{"areas":["commune-a"]}},
                     "recurrence":{"type":"daily","times":["06:00"]}}""");
            assertEquals(201, schedule.status(), schedule.toString());
            TestServer.Reply inUse = server.delete("/api/playlists/tin-s%C3%A1ng.m3u8");
            assertEquals(409, inUse.status());
            assertTrue(inUse.body().get("error").asText().contains("used by schedule(s) [" + schedule.body().get("id").asLong()));
            server.delete("/api/schedules/" + schedule.body().get("id").asLong());
            assertEquals(200, server.delete("/api/playlists/tin-s%C3%A1ng.m3u8").status());
            assertFalse(Files.exists(media.resolve("tin-sáng.m3u8")));
            assertEquals(404, server.get("/api/playlists/tin-s%C3%A1ng.m3u8").status());
            assertEquals(404, server.delete("/api/playlists/tin-s%C3%A1ng.m3u8").status());

            assertEquals(201, server.post("/api/playlists", JSON, MORNING).status());
        }

        // The file is lost while the server is down; the database copy brings it back. A file the
        // operator dropped into the folder is listed too, but is not the API's to change.
        Files.delete(media.resolve("tin-sáng.m3u8"));
        Files.writeString(media.resolve("tu-file.m3u8"), "#EXTM3U\nalert.mp3\n");
        try (TestServer server = new TestServer(dir, db)) {
            JsonNode restored = server.get("/api/playlists/tin-s%C3%A1ng.m3u8").body();
            assertEquals(1, restored.get("version").asInt(), restored.toString());
            assertEquals("Tin sáng", restored.at("/items/0/title").asText());
            assertTrue(Files.exists(media.resolve("tin-sáng.m3u8")));
            JsonNode fromFile = server.get("/api/playlists/tu-file.m3u8").body();
            assertEquals("file", fromFile.get("source").asText());
            TestServer.Reply change = server.put("/api/playlists/tu-file.m3u8", "{\"items\":[{\"path\":\"tone.mp3\"}]}");
            assertEquals(409, change.status(), change.toString());
            assertEquals(2, server.get("/api/playlists").body().size());
        }
    }

    private static void refused(TestServer server, String body, String reason) {
        TestServer.Reply reply = server.post("/api/playlists", JSON, body);
        assertEquals(400, reply.status(), body + " -> " + reply);
        assertTrue(reply.body().get("error").asText().contains(reason), body + " -> " + reply.body());
    }
}
