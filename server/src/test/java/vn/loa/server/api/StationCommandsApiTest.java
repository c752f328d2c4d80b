package vn.loa.server.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.server.TestServer.Reply;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.SimulatedReceiver;

/** Commands through the API to a simulated receiver and back, and status reports the other way. */
class StationCommandsApiTest {
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    private static final String JSON = "application/json";
    private TestServer server;
    private SimEvents events;
    private DeviceSimulator sim;
    private SimulatedReceiver receiver;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
        events = new SimEvents();
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
        receiver = sim.add(TestServer.credentials("st-01"));
        await().atMost(FEW_SECONDS).until(() -> server.online("st-01"));
    }

    @AfterEach
    void stop() {
        sim.close();
        server.close();
    }

    @Test
    void setVolumeReachesTheReceiverAndItsAckComesBack() {
        Reply reply = server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"SET_VOLUME\",\"argument\":35}");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("ACKNOWLEDGED", reply.body().get("result").asText());
        assertTrue(reply.body().get("latencyMs").asLong() >= 0);
        assertEquals(35, receiver.device().volume());
        assertTrue(events.has("st-01", "command", e -> "SET_VOLUME".equals(e.field("command"))
                && "ACK".equals(e.field("result"))));
        await().atMost(FEW_SECONDS).until(() -> server.station("st-01").at("/status/volume").asInt() == 35);
    }

    @Test
    void muteAndAmplifierCommandsChangeTheDeviceAndTheReportedStatus() {
        assertEquals(200, server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"MUTE\"}").status());
        assertEquals(200, server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"AMPLIFIER_OFF\"}").status());
        assertTrue(receiver.device().muted());
        assertTrue(!receiver.device().amplifierOn());
        await().atMost(FEW_SECONDS).until(() -> {
            JsonNode status = server.station("st-01").get("status");
            return status.get("muted").asBoolean() && !status.get("amplifierOn").asBoolean();
        });
    }

    @Test
    void testToneShowsInTheStatus() {
        assertEquals(200, server.post("/api/stations/st-01/commands", JSON,
                "{\"command\":\"TEST_TONE\",\"argument\":30}").status());
        await().atMost(FEW_SECONDS).until(() -> server.station("st-01").at("/status/testTonePlaying").asBoolean());
    }

    @Test
    void rebootedReceiverComesBackWithItsUptimeReset() {
        await().atMost(FEW_SECONDS).until(() -> server.station("st-01").at("/status/uptimeSeconds").asLong() >= 2);
        String firstConnection = server.station("st-01").get("connectedSince").asText();
        assertEquals(200, server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"REBOOT\"}").status());
        await().atMost(FEW_SECONDS).until(() -> events.of("st-01", "welcome").size() == 2);
        await().atMost(FEW_SECONDS).until(() -> {
            JsonNode s = server.station("st-01");
            return s.get("online").asBoolean() && !s.get("connectedSince").asText().equals(firstConnection)
                    && s.at("/status/uptimeSeconds").asLong() < 2;
        });
        assertTrue(events.has("st-01", "reboot", e -> true));
    }

    @Test
    void statusFieldsReportedByTheReceiverAppearInTheApi() {
        receiver.device().setTemperatureC(41.5);
        receiver.device().setSpeakerLineFault(true);
        await().atMost(FEW_SECONDS).until(() -> {
            JsonNode status = server.station("st-01").get("status");
            return status.get("speakerLineFault").asBoolean()
                    && Math.abs(status.get("temperatureC").asDouble() - 41.5) < 0.35;
        });
        JsonNode status = server.station("st-01").get("status");
        assertEquals(70, status.get("volume").asInt());
        assertTrue(status.get("amplifierOn").asBoolean());
        assertTrue(status.has("signalDbm") && status.has("link") && status.has("bufferMs"));
        assertTrue(status.get("sessionId").isNull());
    }

    @Test
    void commandToAReceiverWhoseLinkDiesIsAnsweredNotLeftHanging() {
        receiver.freeze();
        Reply reply = server.post("/api/stations/st-01/commands", JSON, "{\"command\":\"UNMUTE\"}");
        assertEquals(502, reply.status(), reply.toString());
        assertEquals("DISCONNECTED", reply.body().get("result").asText());
        assertTrue(reply.body().get("detail").asText().contains("no frame for 1500 ms"), reply.toString());
    }

    @Test
    void commandToAnOfflineStationIsAConflict() {
        Reply reply = server.post("/api/stations/st-02/commands", JSON, "{\"command\":\"MUTE\"}");
        assertEquals(409, reply.status());
        assertEquals("OFFLINE", reply.body().get("result").asText());
    }

    @Test
    void badCommandRequestsAreRefusedWithAReason() {
        assertRefused(400, JSON, "{\"command\":\"SET_VOLUME\",\"argument\":101}", "0..100");
        assertRefused(400, JSON, "{\"command\":\"SET_VOLUME\"}", "none was given");
        assertRefused(400, JSON, "{\"command\":\"SELF_DESTRUCT\"}", "unknown command");
        assertRefused(400, JSON, "{\"command\":\"MUTE\",\"volume\":3}", "unknown field 'volume'");
        assertRefused(400, JSON, "{\"command\":\"MUTE\"", "invalid JSON");
        assertRefused(400, JSON, "{\"command\":\"SET_VOLUME\",\"argument\":\"loud\"}", "field 'argument' has the wrong type");
        assertRefused(400, JSON, "", "empty");
        assertRefused(415, "text/plain", "{\"command\":\"MUTE\"}", "application/json");
        assertEquals(70, receiver.device().volume(), "nothing reached the receiver");
        assertTrue(events.of("st-01", "command").isEmpty());
    }

    @Test
    void unknownStationsPathsAndMethodsAreJsonErrors() {
        Reply missing = server.post("/api/stations/st-77/commands", JSON, "{\"command\":\"MUTE\"}");
        assertEquals(404, missing.status());
        assertTrue(missing.body().get("error").asText().contains("st-77"));
        assertEquals(404, server.get("/api/nothing-here").status());
        assertEquals(405, server.post("/api/stations", JSON, "{}").status());
        assertEquals(400, server.get("/api/stations?area=atlantis").status());
        assertEquals(400, server.get("/api/stations?online=maybe").status());
    }

    @Test
    void stationsCanBeFilteredByAreaAndState() {
        assertEquals(7, server.get("/api/stations?area=commune-a").body().size());
        assertEquals(7, server.get("/api/stations?area=commune-c").body().size());
        assertEquals(21, server.get("/api/stations?area=province").body().size());
        JsonNode online = server.get("/api/stations?online=true").body();
        assertEquals(1, online.size());
        assertEquals("st-01", online.get(0).get("id").asText());
        JsonNode path = online.get(0).get("areaPath");
        assertEquals("province", path.get(0).get("id").asText());
        assertEquals("commune-a", path.get(1).get("id").asText());
    }

    @Test
    void oversizeBodyIsAJson413() {
        String huge = "{\"command\":\"MUTE\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        Reply reply = server.post("/api/stations/st-01/commands", JSON, huge);
        assertEquals(413, reply.status());
        assertEquals("body_too_large", reply.body().get("code").asText(), reply.toString());
        assertTrue(reply.body().get("error").asText().contains("65536 bytes"), reply.toString());
        assertTrue(events.of("st-01", "command").isEmpty());
    }

    private void assertRefused(int status, String contentType, String body, String reasonPart) {
        Reply reply = server.post("/api/stations/st-01/commands", contentType, body);
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.body().get("error").asText().contains(reasonPart), reply.toString());
    }
}
