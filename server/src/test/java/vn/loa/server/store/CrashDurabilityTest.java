package vn.loa.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.ChildServer;
import vn.loa.server.TestConfig;

/**
 * The server as a real child process, killed with SIGKILL straight after acknowledging a run of
 * broadcasts, then started again on the same data: every entry it acknowledged must still be there.
 */
class CrashDurabilityTest {
    private static final int SESSIONS = 25;
    private static final int STATIONS = 20;

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyAcknowledgedAsRunEntrySurvivesSigkill(String kind) throws Exception {
        Path config = TestConfig.write(dir, Databases.fresh(kind, dir));
        List<Long> acknowledged = new ArrayList<>();
        ChildServer first = new ChildServer(config, dir.resolve("data"), dir.resolve("first.log"));
        for (int i = 0; i < SESSIONS; i++) {
            ChildServer.Reply reply = first.post("/api/broadcasts", "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true}}");
            assertEquals(201, reply.status(), reply.toString());
            acknowledged.add(reply.body().get("id").asLong());
        }
        assertEquals(137, first.kill(), "killed by SIGKILL, not shut down");

        try (ChildServer second = new ChildServer(config, dir.resolve("data"), dir.resolve("second.log"))) {
            for (long session : acknowledged) {
                JsonNode entries = second.get("/api/asrun?session=" + session).body();
                // A 201 acknowledges each station's first entry (STARTED, or QUEUED behind an earlier tone);
                // later ones (a queued session starting, a tone completing) may or may not precede the kill.
                long stationsWithFirstEntry = StreamSupport.stream(entries.spliterator(), false)
                        .filter(e -> e.get("event").asText().equals("STARTED") || e.get("event").asText().equals("QUEUED"))
                        .map(e -> e.get("station").asText()).distinct().count();
                assertEquals(STATIONS, stationsWithFirstEntry, "session " + session + " lost as-run entries: " + entries);
            }
        }
    }
}
