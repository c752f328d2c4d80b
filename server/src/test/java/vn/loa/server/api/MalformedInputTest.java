package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/**
 * Every endpoint that takes a body, fed what clients get wrong: broken JSON, unknown fields, wrong
 * types, the wrong content type, too much. Always a 4xx with a JSON error, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
    private static final List<String> POSTS = List.of("/api/broadcasts", "/api/schedules", "/api/playlists",
            "/api/alerts", "/api/users", "/api/stations/st-01/commands", "/api/users/admin/tokens");
    private static final List<String> PUTS = List.of("/api/schedules/1", "/api/playlists/x.m3u8", "/api/users/admin");
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void brokenBodiesGetA4xxJsonErrorOnEveryEndpoint() {
        for (String path : POSTS) {
            refused(path, server.post(path, "application/json", "{\"title\": "), 400, "invalid JSON");
            refused(path, server.post(path, "application/json", "{\"noSuchField\": 1}"), 400, "unknown field");
            refused(path, server.post(path, "application/json", "[1, 2, 3]"), 400, "JSON object");
            refused(path, server.post(path, "text/plain", "hello"), 415, "application/json");
            refused(path, server.post(path, "application/json", "{\"title\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "limit");
        }
        refused("/api/broadcasts", server.post("/api/broadcasts", "application/json", "{\"repeat\":\"twice\"}"), 400,
                "field 'repeat' has the wrong type");
        refused("/api/schedules", server.post("/api/schedules", "application/json", "{\"recurrence\":{\"type\":\"sometimes\"}}"),
                400, "");
        refused("/api/alerts", server.post("/api/alerts", "application/json", "{\"expiresAt\":\"soon\"}"), 400, "expiresAt");
        for (String path : PUTS) {
            refused(path, server.put(path, "{\"broken\": "), 400, "invalid JSON");
        }
        refused("/api/stations/st-01/commands",
                server.post("/api/stations/st-01/commands", "application/json", "{\"command\":\"SET_VOLUME\",\"argument\":1e400}"),
                400, "");
        assertEquals(200, server.get("/api/health").status(), "the server is still serving");
    }

    private static void refused(String path, TestServer.Reply reply, int status, String says) {
        assertEquals(status, reply.status(), path + " -> " + reply);
        assertNotNull(reply.body(), path + " answered without a JSON body");
        assertEquals(status, reply.body().get("status").asInt(), path + " -> " + reply);
        assertTrue(reply.body().get("error").asText().contains(says), path + " -> " + reply);
    }
}
