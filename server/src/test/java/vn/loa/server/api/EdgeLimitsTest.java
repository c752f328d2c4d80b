package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/** The edge's limits on a whole server, as a careless or hostile client meets them. */
class EdgeLimitsTest {
    private static final String JSON = "application/json";
    /** Short timeouts, and three failed tokens per minute, so the tests need not wait long. */
    private static final String EDGE = """
            http:
              headerTimeoutMs: 500
              idleTimeoutMs: 500
              failedTokenLimit: 3
              failedTokenWindowSeconds: 60
            """;

    @TempDir
    Path dir;

    @Test
    void aBroadcastBodyOver64KiBIsRefused413AndNothingAirs() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String padded = "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true}," + " ".repeat(70 * 1024) + "\"title\":\"x\"}";
            TestServer.Reply reply = server.post("/api/broadcasts", JSON, padded);
            assertEquals(413, reply.status(), reply.toString());
            assertEquals("body_too_large", reply.body().get("code").asText());
            assertEquals(0, server.get("/api/sessions?limit=10").body().size(), "nothing was planned or aired");
        }
    }

    @Test
    void repeatedInvalidTokensFromOneAddressAre429WithRetryAfterButAValidTokenFromThereIsStillServed() throws Exception {
        try (TestServer server = new TestServer(dir, null, "none", EDGE)) {
            for (int i = 0; i < 3; i++) {
                try (RawHttp guesser = new RawHttp("127.0.0.3", server.httpPort())) {
                    assertEquals(401, guesser.send(get("/api/stations", "Bearer guess-" + i)).read().status());
                }
            }
            try (RawHttp guesser = new RawHttp("127.0.0.3", server.httpPort())) {
                RawHttp.Answer blocked = guesser.send(get("/api/stations", "Bearer guess-4")).read();
                assertEquals(429, blocked.status(), blocked.toString());
                assertTrue(blocked.body().contains("\"code\":\"too_many_failed_tokens\""), blocked.body());
                int retryAfter = Integer.parseInt(blocked.header("Retry-After"));
                assertTrue(retryAfter > 0 && retryAfter <= 61, "Retry-After " + retryAfter);
                // An officer behind the same proxy as the guesser is never locked out by the guesser's noise.
                assertEquals(200, guesser.send(get("/api/stations", "Bearer " + TestServer.ADMIN_TOKEN)).read().status(),
                        "a valid token from the blocked address is served");
                assertEquals(429, guesser.send(get("/api/stations", "Bearer guess-5")).read().status(),
                        "and does not lift the block on invalid ones");
            }
            try (RawHttp colleague = new RawHttp("127.0.0.4", server.httpPort())) {
                assertEquals(200, colleague.send(get("/api/stations", "Bearer " + TestServer.ADMIN_TOKEN)).read().status(),
                        "a valid user at another address is not affected");
            }
            JsonNode audit = server.get("/api/audit?limit=50").body();
            assertTrue(StreamSupport.stream(audit.spliterator(), false).anyMatch(e -> e.get("status").asInt() == 429
                    && e.get("address").asText().startsWith("127.0.0.3")), "the 429 is audited: " + audit);
        }
    }

    @Test
    void guessedListenTicketsCountAsFailedTokensAndEnd429() throws Exception {
        try (TestServer server = new TestServer(dir, null, "none", EDGE)) {
            for (int i = 0; i < 3; i++) {
                try (RawHttp guesser = new RawHttp("127.0.0.6", server.httpPort())) {
                    assertEquals(401, guesser.send(get("/listen/st-01?ticket=guess-" + i, null)).read().status());
                }
            }
            try (RawHttp guesser = new RawHttp("127.0.0.6", server.httpPort())) {
                RawHttp.Answer blocked = guesser.send(get("/listen/st-01?ticket=guess-4", null)).read();
                assertEquals(429, blocked.status(), blocked.toString());
                assertTrue(blocked.body().contains("\"code\":\"too_many_failed_tokens\""), blocked.body());
            }
        }
    }

    @Test
    void aUsersDisplayNameFollowsTheTextRulesAndALongOneIsA400Not500() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            int users = server.get("/api/users").body().size();
            refused(server.post("/api/users", JSON, "{\"name\":\"dai\",\"displayName\":\"" + "a".repeat(300)
                    + "\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}"), 400, "invalid_text");
            for (String trick : new String[] {"Admin\\r\\nroot", "Admin\\u202Enimda", "Admin\\u0000", "Ad\\u200Bmin",
                    "Ad\\u00ADmin", "\\uFEFFAdmin"}) {
                refused(server.post("/api/users", JSON, "{\"name\":\"gia\",\"displayName\":\"" + trick
                        + "\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}"), 400, "invalid_text");
            }
            assertEquals(users, server.get("/api/users").body().size(), "no user was created");
            assertEquals(201, server.post("/api/users", JSON, "{\"name\":\"ba\",\"displayName\":\"Nguyễn Thị Bảy\","
                    + "\"role\":\"operator\",\"scopes\":[\"commune-a\"]}").status(), "a Vietnamese name is fine");
        }
    }

    @Test
    void basicAuthenticationMustNameTheTokensOwnUser() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String impostor = Base64.getEncoder().encodeToString(("someone-else:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
            String owner = Base64.getEncoder().encodeToString(("admin:" + TestServer.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
            try (RawHttp client = new RawHttp(server.httpPort())) {
                assertEquals(401, client.send(get("/api/me", "Basic " + impostor)).read().status());
            }
            try (RawHttp client = new RawHttp(server.httpPort())) {
                RawHttp.Answer me = client.send(get("/api/me", "Basic " + owner)).read();
                assertEquals(200, me.status(), me.toString());
            }
        }
    }

    @Test
    void aLiveEventStreamOutlivesTheIdleTimeoutThatClosesAnIdleConnection() throws Exception {
        try (TestServer server = new TestServer(dir, null, "none", EDGE);
             RawHttp events = new RawHttp(server.httpPort());
             RawHttp idle = new RawHttp(server.httpPort())) {
            events.send(get("/api/events", "Bearer " + TestServer.ADMIN_TOKEN));
            assertEquals(200, idle.send(get("/api/health", null)).read().status());
            assertTrue(idle.closedWithin(3_000), "an idle keep-alive connection is closed");
            assertFalse(events.closedWithin(1_500), "the event stream is still open after three idle timeouts");
        }
    }

    @Test
    void smallInputHolesAreEachAPrecise400AndChangeNothing() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            server.user("bien-tap", "operator", "commune-a");
            int tokens = server.get("/api/users/bien-tap").body().get("tokens").size();
            refused(server.post("/api/users/bien-tap/tokens", JSON, "{\"label\":\"" + "a".repeat(1_000) + "\"}"), 400, "invalid_text");
            refused(server.post("/api/users/bien-tap/tokens", JSON, "{\"label\":\"" + "a".repeat(100_000) + "\"}"), 413, "body_too_large");
            assertEquals(tokens, server.get("/api/users/bien-tap").body().get("tokens").size(), "no token was issued");

            String times = IntStream.range(0, 1_020).mapToObj(m -> "\"%02d:%02d\"".formatted(m / 60, m % 60))
                    .collect(Collectors.joining(","));
            refused(server.post("/api/schedules", JSON, "{\"title\":\"Nhiều giờ\",\"broadcast\":{\"media\":[\"tone.mp3\"],"
                    + "\"targets\":{\"areas\":[\"commune-a\"]}},\"recurrence\":{\"type\":\"daily\",\"times\":[" + times + "]}}"),
                    400, "too_many_times");

            int library = server.get("/api/media").body().size();
            refused(server.post("/api/media", "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"a.mp3\"\r\n\r\nID3\r\n--x--\r\n"), 400, "multipart_without_boundary");
            assertEquals(library, server.get("/api/media").body().size());

            for (String trick : new String[] {"Tin\\r\\nGiả", "Tin\\u0000cắt", "Tin \\u202Eđảo", "Tin\\u2066x\\u2069",
                    "Tin\\u00ADGiả", "Tin\\u200BGiả"}) {
                refused(server.post("/api/broadcasts", JSON, "{\"title\":\"" + trick + "\",\"media\":[\"tone.mp3\"],"
                        + "\"targets\":{\"areas\":[\"commune-a\"]}}"), 400, "invalid_text");
                refused(server.post("/api/schedules", JSON, "{\"title\":\"" + trick + "\",\"broadcast\":{\"media\":[\"tone.mp3\"],"
                        + "\"targets\":{\"areas\":[\"commune-a\"]}},\"recurrence\":{\"type\":\"daily\",\"times\":[\"06:00\"]}}"),
                        400, "invalid_text");
                refused(server.post("/api/alerts", JSON, "{\"title\":\"" + trick + "\",\"attentionTone\":true,"
                        + "\"targets\":{\"areas\":[\"commune-a\"]}}"), 400, "invalid_text");
                refused(server.post("/api/playlists", JSON, "{\"name\":\"p.m3u8\",\"title\":\"" + trick + "\","
                        + "\"items\":[{\"path\":\"tone.mp3\"}]}"), 400, null);
                refused(server.post("/api/users/bien-tap/tokens", JSON, "{\"label\":\"" + trick + "\"}"), 400, "invalid_text");
            }
            refused(server.post("/api/alerts", JSON, "{\"title\":\"Lũ\",\"message\":\"sơ tán\\u0000\",\"attentionTone\":true,"
                    + "\"targets\":{\"areas\":[\"commune-a\"]}}"), 400, "invalid_text");

            assertEquals(0, server.get("/api/sessions?limit=10").body().size(), "no broadcast");
            assertEquals(0, server.get("/api/schedules").body().size(), "no schedule");
            assertEquals(0, server.get("/api/alerts").body().size(), "no alert");
            assertFalse(server.get("/api/playlists").body().toString().contains("p.m3u8"), "no playlist");
            assertEquals(tokens, server.get("/api/users/bien-tap").body().get("tokens").size(), "no token");
        }
    }

    private static void refused(TestServer.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertNotNull(reply.body(), "a JSON error body");
        if (code != null) {
            assertEquals(code, reply.body().get("code").asText(), reply.toString());
        }
    }

    private static String get(String path, String authorization) {
        return "GET " + path + " HTTP/1.1\r\nHost: loa\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "\r\n";
    }
}
