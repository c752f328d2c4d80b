package vn.loa.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/**
 * PostgreSQL going away under a running server (its connections cut, new ones refused, through a
 * relay the test controls) and coming back: writes answer 503 storage_unavailable, never 500, health
 * says DEGRADED, and the server takes writes again by itself once the database is back.
 */
class DatabaseLostTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    @Test
    void aLostDatabaseAnswers503AndTheServerReconnectsByItself() throws Exception {
        assumeTrue(Databases.kinds().contains("postgresql"), Databases.POSTGRES_ENV + " names no PostgreSQL here");
        String url = Databases.fresh("postgresql", dir);
        URI real = URI.create(url.substring("jdbc:".length()));
        try (TcpCutter cutter = new TcpCutter(real.getHost(), real.getPort() < 0 ? 5432 : real.getPort())) {
            String relayed = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + cutter.port() + "/");
            try (TestServer server = new TestServer(dir, relayed)) {
                server.user("truoc", "operator", "commune-a");

                cutter.cut();
                TestServer.Reply refused = server.post("/api/users", JSON,
                        "{\"name\":\"trong-luc-mat\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}");
                assertEquals(503, refused.status(), "a lost database is not an internal error: " + refused);
                assertEquals("storage_unavailable", refused.body().get("code").asText());
                TestServer.Reply health = server.get("/api/health");
                assertEquals(503, health.status(), health.toString());
                assertEquals("UNREACHABLE", health.body().get("storage").get("fault").asText(), health.toString());

                cutter.mend();
                await().atMost(WAIT).untilAsserted(() -> assertEquals(200, server.get("/api/health").status()));
                assertEquals(201, server.post("/api/users", JSON,
                        "{\"name\":\"sau\",\"role\":\"operator\",\"scopes\":[\"commune-a\"]}").status());
                String users = server.get("/api/users").body().toString();
                assertTrue(users.contains("\"truoc\"") && users.contains("\"sau\""), users);
                assertTrue(!users.contains("trong-luc-mat"), "a refused write left nothing behind");
            }
        }
    }
}
