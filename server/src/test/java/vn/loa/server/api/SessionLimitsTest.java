package vn.loa.server.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/**
 * Issue 15, on a server with short limits: an idle session ends, a busy one ends at its absolute end,
 * and failed sign-ins are answered 429 with Retry-After per name and per address, every one audited.
 */
class SessionLimitsTest {
    private static final String JSON = "application/json";
    TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir, null, "none", "http:\n  sessionIdleSeconds: 2\n  sessionMaxSeconds: 6\n"
                + "  loginFailuresPerName: 3\n  loginFailuresPerAddress: 6\n  loginWindowSeconds: 600\n");
        for (String name : List.of("a-user", "b-user")) {
            assertEquals(201, server.post("/api/users", JSON, "{\"name\":\"" + name
                    + "\",\"role\":\"operator\",\"scopes\":[\"commune-a\"],\"password\":\"mat-khau-dung-1\"}").status());
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anIdleSessionEndsAndABusyOneEndsAtItsAbsoluteEnd() {
        Browserless idle = new Browserless(server.httpPort());
        Browserless busy = new Browserless(server.httpPort());
        assertEquals(200, idle.login("a-user", "mat-khau-dung-1").status());
        assertEquals(200, busy.login("b-user", "mat-khau-dung-1").status());
        Instant signedIn = Instant.now();
        // busy is used every 300 ms, well inside the 2 s idle limit, and still ends once 6 s have passed
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> busy.get("/api/me").status() == 401);
        assertTrue(Duration.between(signedIn, Instant.now()).toMillis() >= 5_500, "ended at its absolute end, not before");
        assertEquals(401, idle.get("/api/me").status(), "unused for more than 2 s, the other session ended long ago");
        assertEquals("session_expired", idle.get("/api/me").code());
    }

    @Test
    void failedSignInsAreLimitedPerNameAndPerAddressAndAudited() {
        Browserless b = new Browserless(server.httpPort());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, b.login("a-user", "sai-mat-khau-" + i).status());
        }
        Browserless.Answer blocked = b.login("a-user", "mat-khau-dung-1");
        assertEquals(429, blocked.status(), "even the right password waits once the name is blocked");
        assertEquals("too_many_failed_logins", blocked.code());
        long retry = Long.parseLong(blocked.retryAfter());
        assertTrue(retry > 0 && retry <= 600, blocked.retryAfter());
        assertEquals(200, b.login("b-user", "mat-khau-dung-1").status(), "another name is not blocked by a-user's failures");

        for (int i = 0; i < 3; i++) {
            assertEquals(401, b.login("nobody-" + i, "sai-mat-khau").status());
        }
        Browserless.Answer byAddress = b.login("b-user", "mat-khau-dung-1");
        assertEquals(429, byAddress.status(), "six failures from one address block it for every name");
        assertTrue(Long.parseLong(byAddress.retryAfter()) > 0);

        JsonNode audit = server.get("/api/audit?action=POST%20/api/login&limit=100").body();
        List<Integer> statuses = StreamSupport.stream(audit.spliterator(), false).map(e -> e.get("status").asInt()).toList();
        assertEquals(6, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertTrue(audit.toString().contains("sai-mat-khau") == false, "a tried password is not in the audit");
        assertTrue(audit.toString().contains("a-user"), "the name tried is");
    }
}
