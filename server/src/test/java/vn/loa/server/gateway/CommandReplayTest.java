package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.ApiClient;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.SimulatedReceiver;

/**
 * The Dallas siren attack against Loa: someone on the path records a command and plays it back later,
 * or holds it and lets it through late. The receiver refuses both; the audit names who sent the real one.
 */
class CommandReplayTest {
    private static final String JSON = "application/json";
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    TestServer server;
    InterceptingProxy proxy;
    DeviceSimulator sim;
    SimEvents events;
    SimulatedReceiver receiver;
    ApiClient technician;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir);
        proxy = new InterceptingProxy(server.receiverAddress());
        events = new SimEvents();
        sim = new DeviceSimulator(proxy.address(), events.log());
        receiver = sim.add(TestServer.credentials("st-01"));
        await().atMost(WAIT).until(() -> server.online("st-01"));
        technician = server.as(server.user("ky-thuat-a", "technician", "commune-a"));
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        proxy.close();
        server.close();
    }

    @Test
    void aRecordedCommandPlayedBackIsRefusedAndTheAuditShowsTheRealOnes() throws Exception {
        assertEquals(200, volume(40).status());
        assertEquals(200, volume(70).status());
        assertEquals(70, receiver.device().volume());
        byte[] recorded = proxy.commands.get(0);

        proxy.inject(recorded);
        await().atMost(WAIT).until(() -> events.has("st-01", "command", "result", "COMMAND_REPLAYED"));
        assertEquals(70, receiver.device().volume(), "the replayed 'volume 40' changed nothing");

        JsonNode audit = server.get("/api/audit?actor=ky-thuat-a&action=/commands").body();
        assertEquals(2, audit.size(), audit.toString());
        assertTrue(StreamSupport.stream(audit.spliterator(), false)
                .allMatch(e -> e.get("detail").asText().contains("SET_VOLUME") && e.get("status").asInt() == 200));
        assertTrue(audit.get(1).get("detail").asText().contains("40") && audit.get(0).get("detail").asText().contains("70"));
    }

    @Test
    void aCommandHeldBackPastItsExpiryIsRefusedWhenItFinallyArrives() throws Exception {
        proxy.holdCommands(true);
        TestServer.Reply held = volume(15);
        assertEquals(504, held.status(), "the server gives up at the command timeout: " + held);
        proxy.inject(proxy.commands.get(0));
        await().atMost(WAIT).until(() -> events.has("st-01", "command", "result", "COMMAND_EXPIRED"));
        assertTrue(receiver.device().volume() != 15, "a stale command is never applied");
    }

    private TestServer.Reply volume(int level) {
        return technician.post("/api/stations/st-01/commands", JSON,
                "{\"command\":\"SET_VOLUME\",\"argument\":" + level + "}");
    }
}
