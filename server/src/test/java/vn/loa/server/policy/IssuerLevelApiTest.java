package vn.loa.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.TestServer;

/** An operator who claims to speak for the province is refused, and what they air carries their own level. */
class IssuerLevelApiTest {
    private static final String JSON = "application/json";

    @Test
    void aCommuneOperatorsClaimedProvinceLevelDoesNotTakeEffect(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(dir)) {
            ApiClient operator = server.as(server.user("xa-a", "operator", "commune-a"));
            ApiClient province = server.as(server.user("tinh", "officer", "province"));
            TestServer.Reply claimed = operator.post("/api/broadcasts", JSON, """
                    {"media":["long.mp3"],"targets":{"areas":["commune-a"]},"priority":"PRIORITY","issuerLevel":"PROVINCE"}""");
            assertEquals(400, claimed.status(), claimed.toString());
            assertEquals("issuer_level_not_yours", claimed.body().get("code").asText());
            assertEquals(0, server.get("/api/broadcasts").body().size(), "nothing was started");
            TestServer.Reply schedule = operator.post("/api/schedules", JSON, """
                    {"broadcast":{"media":["tone.mp3"],"targets":{"areas":["commune-a"]},"issuerLevel":"DISTRICT"},
                     "recurrence":{"type":"daily","times":["06:00"]}}""");
            assertEquals(400, schedule.status(), schedule.toString());

            long own = operator.post("/api/broadcasts", JSON, """
                    {"media":["long.mp3"],"targets":{"areas":["commune-a"]},"priority":"PRIORITY"}""").body().get("id").asLong();
            long provincial = province.post("/api/broadcasts", JSON, """
                    {"media":["long.mp3"],"targets":{"areas":["commune-b"]},"priority":"PRIORITY"}""").body().get("id").asLong();
            assertEquals("COMMUNE", issuerOf(server, own));
            assertEquals("PROVINCE", issuerOf(server, provincial));
        }
    }

    private static String issuerOf(TestServer server, long id) {
        JsonNode live = server.get("/api/broadcasts").body();
        return StreamSupport.stream(live.spliterator(), false).filter(b -> b.get("id").asLong() == id).findFirst()
                .orElseThrow().get("issuer").asText();
    }
}
