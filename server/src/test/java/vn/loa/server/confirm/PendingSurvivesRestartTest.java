package vn.loa.server.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.TestServer;

/** A request waiting for a second officer is in the database: a restart neither loses it nor airs it. */
class PendingSurvivesRestartTest {
    private static final String JSON = "application/json";

    @Test
    void aHeldEmergencyIsStillWaitingAfterARestartAndCanThenBeConfirmed(@TempDir Path dir) throws Exception {
        String first;
        String second;
        long id;
        try (TestServer server = new TestServer(dir)) {
            first = server.user("huyen-1", "officer", "commune-a", "commune-b");
            second = server.user("huyen-2", "officer", "commune-a", "commune-b");
            TestServer.Reply asked = server.as(first).post("/api/broadcasts", JSON, """
                    {"media":["alert.mp3"],"targets":{"areas":["commune-a","commune-b"]},"priority":"EMERGENCY"}""");
            assertEquals(202, asked.status(), asked.toString());
            id = asked.body().get("id").asLong();
        }
        try (TestServer server = new TestServer(dir)) {
            TestServer.Reply waiting = server.as(second).get("/api/confirmations/" + id);
            assertEquals("AWAITING_CONFIRMATION", waiting.body().get("state").asText(), waiting.toString());
            assertEquals(0, server.get("/api/broadcasts").body().size(), "a restart does not air it");
            assertEquals(403, server.as(first).post("/api/confirmations/" + id + "/confirm", JSON, "").status());
            TestServer.Reply confirmed = server.as(second).post("/api/confirmations/" + id + "/confirm", JSON, "");
            assertEquals(200, confirmed.status(), confirmed.toString());
            assertEquals(confirmed.body().get("result").asLong(), server.get("/api/broadcasts").body().get(0).get("id").asLong());
        }
    }
}
