package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.loa.server.TestServer;
import vn.loa.sim.SimulatedReceiver;

/** What the API did is audited, what stations did is in their history, and both read back over HTTP. */
class AuditAndHistoryApiTest extends PlayoutHarness {

    @Test
    void everyChangeAndEveryRefusalIsAuditedButReadsAreNot() {
        connect(List.of("st-01"));
        long id = broadcast("{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-01\"]},\"title\":\"Chuông thử\"}");
        server.post("/api/broadcasts", JSON, "{\"media\":[\"nope.mp3\"],\"targets\":{\"all\":true}}");
        server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":55}");
        server.get("/api/stations");

        await().atMost(WAIT).until(() -> server.get("/api/audit").body().size() == 3);
        List<JsonNode> audit = list(server.get("/api/audit").body());
        JsonNode command = audit.get(0);
        assertEquals("POST /api/stations/st-01/commands", command.get("action").asText());
        assertEquals(200, command.get("status").asInt());
        assertTrue(command.get("detail").asText().contains("\"argument\":55"), command.toString());
        JsonNode refused = audit.get(1);
        assertEquals(400, refused.get("status").asInt());
        assertTrue(refused.get("detail").asText().contains("nope.mp3 is not in the media library"), refused.toString());
        JsonNode started = audit.get(2);
        assertEquals(String.valueOf(id), started.get("target").asText());
        assertEquals("admin", started.get("actor").asText());
        assertTrue(started.get("address").asText().startsWith("127.0.0.1:"), started.toString());
        assertTrue(started.get("detail").asText().contains("Chuông thử"), started.toString());
        assertEquals(1, server.get("/api/audit?action=commands").body().size());
        assertEquals(400, server.get("/api/audit?limit=0").status());
        assertEquals(400, server.get("/api/audit?from=yesterday").status());
    }

    @Test
    void aStationsHistoryShowsItComingGoingAndWhatChanged() {
        SimulatedReceiver receiver = connect("st-02", vn.loa.sim.Faults.NONE);
        server.post("/api/stations/st-02/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":35}");
        await().atMost(WAIT).until(() -> kinds("st-02").contains("CHANGE")
                && history("st-02").stream().anyMatch(e -> e.get("detail").asText().contains("→35")));
        receiver.stop();
        await().atMost(WAIT).until(() -> kinds("st-02").get(0).equals("OFFLINE"));
        assertEquals("ONLINE", kinds("st-02").get(kinds("st-02").size() - 1));
        assertEquals(404, server.get("/api/stations/st-99/history").status());
        assertEquals(0, server.get("/api/stations/st-03/history").body().size());
    }

    private List<String> kinds(String station) {
        return history(station).stream().map(e -> e.get("kind").asText()).toList();
    }

    private List<JsonNode> history(String station) {
        TestServer.Reply reply = server.get("/api/stations/" + station + "/history");
        assertEquals(200, reply.status(), reply.toString());
        return list(reply.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
