package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;

/**
 * Two technicians (and the console's retries) send commands to the same loudspeaker at the same time.
 * Each command's sequence must rise in the order the commands reach the wire, or the receiver refuses
 * the ones that were numbered earlier but sent later as replays.
 */
class ConcurrentCommandsTest {
    private static final int COMMANDS = 60;
    private TestServer server;
    private DeviceSimulator sim;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
        sim = new DeviceSimulator(server.receiverAddress(), new SimEvents().log());
        sim.add(TestServer.credentials("st-01"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.online("st-01"));
    }

    @AfterEach
    void stop() {
        sim.close();
        server.close();
    }

    @Test
    void manyConcurrentCommandsToOneStationAreAllAcknowledged() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<TestServer.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                int volume = 20 + i % 60;
                replies.add(callers.submit(() -> server.post("/api/stations/st-01/commands", "application/json",
                        "{\"command\":\"SET_VOLUME\",\"argument\":" + volume + "}")));
            }
            List<String> refused = new ArrayList<>();
            for (Future<TestServer.Reply> f : replies) {
                TestServer.Reply reply = f.get();
                if (reply.status() != 200 || !"ACKNOWLEDGED".equals(reply.body().path("result").asText())) {
                    refused.add(reply.status() + " " + reply.body());
                }
            }
            assertEquals(List.of(), refused, "every command of " + COMMANDS + " acknowledged");
        } finally {
            callers.shutdownNow();
        }
    }
}
