package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.Faults;
import vn.loa.sim.SimEvent;
import vn.loa.sim.SimulatedReceiver;

/** A server with receivers that record what they play; helpers read the simulator's log like a test engineer. */
abstract class PlayoutHarness {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String JSON = "application/json";
    static final List<String> ALL = IntStream.rangeClosed(1, 20).mapToObj(i -> "st-%02d".formatted(i)).toList();

    @TempDir
    Path dir;
    TestServer server;
    SimEvents events;
    DeviceSimulator sim;
    Path recordings;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestServer(dir);
        events = new SimEvents();
        recordings = dir.resolve("recordings");
        sim = new DeviceSimulator(server.receiverAddress(), events.log(), 0, DeviceSimulator.DEFAULT_FIRMWARE, recordings);
    }

    @AfterEach
    void stopServer() {
        sim.close();
        server.close();
    }

    void connect(List<String> stations) {
        stations.forEach(id -> sim.add(TestServer.credentials(id)));
        await().atMost(WAIT).until(() -> stations.stream().allMatch(server::online));
    }

    SimulatedReceiver connect(String station, Faults faults) {
        SimulatedReceiver r = sim.add(TestServer.credentials(station), faults, 0);
        await().atMost(WAIT).until(() -> server.online(station));
        return r;
    }

    long broadcast(String json) {
        TestServer.Reply reply = server.post("/api/broadcasts", JSON, json);
        assertEquals(201, reply.status(), reply.toString());
        return reply.body().get("id").asLong();
    }

    List<SimEvent> of(String station, String event, long session) {
        return events.of(station, event).stream()
                .filter(e -> ((Number) e.field("session")).longValue() == session).toList();
    }

    boolean ended(String station, long session, String reason) {
        return of(station, "play_end", session).stream().anyMatch(e -> reason.equals(e.field("reason")));
    }

    void awaitPlaying(List<String> stations, long session) {
        await().atMost(WAIT).until(() -> stations.stream().allMatch(s -> !of(s, "play_start", session).isEmpty()));
    }

    void awaitEnded(List<String> stations, long session, String reason) {
        await().atMost(WAIT).until(() -> stations.stream().allMatch(s -> ended(s, session, reason)));
    }

    static long number(SimEvent e, String field) {
        return ((Number) e.field(field)).longValue();
    }

    List<String> asRunEvents(String station, long session) {
        JsonNode entries = server.get("/api/asrun?station=" + station + "&session=" + session).body();
        return StreamSupport.stream(entries.spliterator(), false).map(n -> n.get("event").asText()).toList();
    }

    /** The server writes an entry when the audio has played out, which may be a tick after the receiver's log. */
    void awaitAsRun(String station, long session, String... expected) {
        await().atMost(WAIT).until(() -> asRunEvents(station, session).equals(List.of(expected)));
    }

    static List<String> stationsOf(String commune) {
        return ALL.stream().filter(s -> TestServer.communeOf(s).equals(commune)).toList();
    }
}
