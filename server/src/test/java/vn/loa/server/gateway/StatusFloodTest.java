package vn.loa.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.Frame;
import vn.loa.protocol.LinkType;
import vn.loa.protocol.message.Status;
import vn.loa.server.TestServer;

/**
 * A receiver with a valid secret (a stolen one, or broken firmware) reports STATUS as fast as its link
 * allows, with a volume that changes every time. Before, each report was a history row: 3,000 rows in
 * 3 s. Now the connection's reports are applied at most 10 a second, the station's history keeps at most
 * 12 rows a minute, and the station still ends on what the receiver reported last.
 */
class StatusFloodTest {
    private static final int FLOOD = 3_000;
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReceiverFloodingStatusAddsABoundedHistoryAndEndsOnItsLatestState() throws Exception {
        try (RawReceiver flooder = new RawReceiver(server.receiverAddress())) {
            flooder.login("st-01", "secret-st-01");
            for (int i = 0; i < FLOOD; i++) {
                int volume = i == FLOOD - 1 ? 33 : 10 + i % 2 * 10;
                flooder.send(Frame.of(new Status(volume, false, true, false, false, false, (short) 300,
                        Status.NOT_AVAILABLE, LinkType.ETHERNET, 1, 0, 0)));
            }
            flooder.flush();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.station("st-01").at("/status/volume").asInt() == 33);
        }
        // The history writer gathers rows for a second before it stores them.
        await().pollDelay(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .until(() -> server.get("/api/stations/st-01/history").status() == 200);
        JsonNode history = server.get("/api/stations/st-01/history?limit=5000").body();
        assertTrue(history.isArray() && history.size() > 1, String.valueOf(history));
        // A flood that crosses a minute boundary may fill two minutes' budgets, each with its summary.
        assertTrue(history.size() <= 2 * 12 + 2, history.size() + " history rows for " + FLOOD + " reports: " + history);
    }
}
