package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;
import vn.loa.sim.SimEvent;
import vn.loa.sim.SimulatedReceiver;
import vn.loa.sim.StationCredentials;

/** The gateway over real sockets, with simulated receivers as peers. */
class ReceiverGatewayTest {
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    private TestServer server;
    private SimEvents events;
    private DeviceSimulator sim;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
        events = new SimEvents();
        sim = new DeviceSimulator(server.receiverAddress(), events.log());
    }

    @AfterEach
    void stop() {
        sim.close();
        server.close();
    }

    @Test
    void twentyReceiversAuthenticateAndShowOnline() {
        TestServer.credentials().forEach(sim::add);
        await().atMost(FEW_SECONDS).until(() -> server.onlineCount() == TestServer.STATIONS);
        JsonNode all = server.get("/api/stations").body();
        assertEquals(TestServer.STATIONS + 1, all.size(), "the disabled station is listed too");
        for (JsonNode s : all) {
            boolean disabled = s.get("id").asText().equals("st-off");
            assertEquals(!disabled, s.get("online").asBoolean(), s.toString());
            if (!disabled) {
                assertFalse(s.get("lastSeen").isNull());
                assertEquals(DeviceSimulator.DEFAULT_FIRMWARE, s.get("firmware").asText());
                assertTrue(s.get("nowPlaying").isNull());
            }
        }
        assertEquals(TestServer.STATIONS, server.get("/api/health").body().at("/stations/online").asInt());
    }

    @Test
    void receiversKeepTheirClockOffsetFromTimeSync() {
        sim.add(TestServer.credentials("st-01"));
        await().atMost(FEW_SECONDS).until(() -> !events.of("st-01", "time_sync").isEmpty());
        SimEvent sync = events.of("st-01", "time_sync").get(0);
        long offsetMicros = ((Number) sync.field("offsetMicros")).longValue();
        long rttMicros = ((Number) sync.field("rttMicros")).longValue();
        assertTrue(Math.abs(offsetMicros) < 50_000, "same machine, same clock: offset " + offsetMicros + " µs");
        assertTrue(rttMicros >= 0 && rttMicros < 500_000, "rtt " + rttMicros + " µs");
    }

    @Test
    void wrongSecretIsRefusedWithAuthFailed() {
        sim.add(TestServer.credentials("st-01"), Faults.NONE.withWrongSecret(), 0);
        await().atMost(FEW_SECONDS).until(() -> events.has("st-01", "refused", "code", "AUTH_FAILED"));
        assertFalse(server.online("st-01"));
    }

    @Test
    void unknownStationIsRefusedWithUnknownStation() {
        sim.add(new StationCredentials("st-99", "whatever"));
        await().atMost(FEW_SECONDS).until(() -> events.has("st-99", "refused", "code", "UNKNOWN_STATION"));
        assertEquals(404, server.get("/api/stations/st-99").status());
    }

    @Test
    void disabledStationIsRefusedWithStationDisabled() {
        sim.add(TestServer.credentials("st-off"));
        await().atMost(FEW_SECONDS).until(() -> events.has("st-off", "refused", "code", "STATION_DISABLED"));
        assertFalse(server.online("st-off"));
    }

    @Test
    void secondConnectionForTheSameStationReplacesTheFirst() {
        sim.add(TestServer.credentials("st-02"));
        await().atMost(FEW_SECONDS).until(() -> server.online("st-02"));
        String firstAddress = server.station("st-02").get("remoteAddress").asText();

        sim.add(TestServer.credentials("st-02"));
        await().atMost(FEW_SECONDS).until(() -> events.has("st-02", "error", "code", "SESSION_REPLACED"));
        await().atMost(FEW_SECONDS).until(() -> events.of("st-02", "disconnected").size() == 1);
        assertEquals(2, events.of("st-02", "welcome").size());
        // The loser waits its longest back-off, so the winner stays online and nobody flaps.
        await().during(Duration.ofMillis(2 * TestServer.HEARTBEAT_MS)).atMost(FEW_SECONDS)
                .until(() -> server.online("st-02"));
        assertFalse(firstAddress.equals(server.station("st-02").get("remoteAddress").asText()));
        assertEquals(1, events.of("st-02", "reconnect_scheduled").size());
        assertEquals(30_000L, ((Number) events.of("st-02", "reconnect_scheduled").get(0).field("delayMs")).longValue());
    }

    @Test
    void silentLinkIsOfflineWithinOneAndAHalfHeartbeats() {
        SimulatedReceiver receiver = sim.add(TestServer.credentials("st-03"));
        await().atMost(FEW_SECONDS).until(() -> server.online("st-03"));
        long frozenAt = System.nanoTime();
        receiver.freeze();
        long limitMs = TestServer.HEARTBEAT_MS * 3 / 2 + 500;
        await().atMost(Duration.ofMillis(limitMs)).pollInterval(Duration.ofMillis(20))
                .until(() -> !server.online("st-03"));
        long tookMs = (System.nanoTime() - frozenAt) / 1_000_000;
        assertTrue(tookMs <= limitMs, "offline after " + tookMs + " ms");
        assertTrue(server.station("st-03").get("offlineReason").asText().contains("no frame for 1500 ms"));
        receiver.thaw();
        await().atMost(FEW_SECONDS).until(() -> server.online("st-03"));
    }

    @Test
    void closedLinkIsOfflineAtOnceAndReconnects() {
        SimulatedReceiver receiver = sim.add(TestServer.credentials("st-04"));
        await().atMost(FEW_SECONDS).until(() -> server.online("st-04"));
        receiver.dropLink();
        await().atMost(Duration.ofMillis(TestServer.HEARTBEAT_MS)).pollInterval(Duration.ofMillis(10))
                .until(() -> !server.online("st-04") || events.of("st-04", "welcome").size() == 2);
        await().atMost(FEW_SECONDS).until(() -> events.of("st-04", "welcome").size() == 2 && server.online("st-04"));
    }

    @Test
    void receiverBehindASlowJitteryLinkStillLogsInAndAnswersCommands() {
        Faults slowLink = new Faults(0, 0, 0, 150, 50, 4_000, false, 0, 1.0);
        sim.add(TestServer.credentials("st-07"), slowLink, 0);
        await().atMost(FEW_SECONDS).until(() -> server.online("st-07"));
        TestServer.Reply reply = server.post("/api/stations/st-07/commands", "application/json",
                "{\"command\":\"SET_VOLUME\",\"argument\":55}");
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.body().get("latencyMs").asLong() >= 300, "150 ms each way at least: " + reply);
        await().atMost(FEW_SECONDS).until(() -> !events.of("st-07", "time_sync").isEmpty());
        long rtt = ((Number) events.of("st-07", "time_sync").get(0).field("rttMicros")).longValue();
        assertTrue(rtt >= 300_000, "time sync measures the injected delay: " + rtt + " µs");
        await().during(Duration.ofMillis(2 * TestServer.HEARTBEAT_MS)).atMost(FEW_SECONDS)
                .until(() -> server.online("st-07"));
    }

    @Test
    void receiverSendingGarbageIsClosedWhileTheOthersCarryOn() {
        TestServer.credentials().subList(0, 5).forEach(sim::add);
        sim.add(TestServer.credentials("st-06"), Faults.NONE.withGarbageAfter(300), 0);
        await().atMost(FEW_SECONDS).until(() -> events.has("st-06", "error", "code", "BAD_MAGIC"));
        await().atMost(FEW_SECONDS).until(() -> !events.of("st-06", "disconnected").isEmpty());
        await().during(Duration.ofMillis(2 * TestServer.HEARTBEAT_MS)).atMost(FEW_SECONDS)
                .until(() -> server.onlineCount() >= 5);
        for (int i = 1; i <= 5; i++) {
            assertTrue(server.online("st-0" + i));
        }
        TestServer.Reply reply = server.post("/api/stations/st-01/commands", "application/json",
                "{\"command\":\"MUTE\"}");
        assertEquals(200, reply.status(), reply.toString());
    }
}
