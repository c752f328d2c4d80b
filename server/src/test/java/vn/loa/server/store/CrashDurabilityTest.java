package vn.loa.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    /** 6 s × 3: long enough to be still on air after a kill and a restart. */
    private static final String ON_AIR = "{\"media\":[\"long.mp3\"],\"repeat\":3,\"priority\":\"PRIORITY\","
            + "\"title\":\"Thông báo khẩn của xã\",\"targets\":{\"areas\":[\"commune-a\"]}}";

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

    @ParameterizedTest
    @MethodSource("kinds")
    void whatWasOnAirWhenKilledGoesBackOnAirAfterTheRestart(String kind) throws Exception {
        Path config = TestConfig.write(dir, Databases.fresh(kind, dir));
        ChildServer first = new ChildServer(config, dir.resolve("data"), dir.resolve("first.log"));
        ChildServer.Reply started = first.post("/api/broadcasts", ON_AIR);
        assertEquals(201, started.status(), started.toString());
        long interrupted = started.body().get("id").asLong();
        ChildServer.Reply tone = first.post("/api/broadcasts", "{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-15\"]}}");
        long over = tone.body().get("id").asLong();
        assertEquals(137, first.kill());

        try (ChildServer second = new ChildServer(config, dir.resolve("data"), dir.resolve("second.log"))) {
            Map<Long, JsonNode> sessions = new HashMap<>();
            second.get("/api/sessions?limit=10").body().forEach(s -> sessions.put(s.get("id").asLong(), s));
            JsonNode old = sessions.get(interrupted);
            assertEquals("RESUMED", old.get("state").asText(), sessions.toString());
            long resumedAs = old.get("resumedAs").asLong();
            JsonNode again = sessions.get(resumedAs);
            assertEquals("resume of " + interrupted, again.get("origin").asText());
            assertEquals("Thông báo khẩn của xã", again.get("title").asText());
            long drift = Duration.between(Instant.parse(old.get("audibleAt").asText()),
                    Instant.parse(again.get("audibleAt").asText())).abs().toMillis();
            assertTrue(drift < 100, "joined where wall-clock time says the programme stands, not from the top: "
                    + old + " vs " + again);
            JsonNode live = second.get("/api/broadcasts").body();
            assertTrue(StreamSupport.stream(live.spliterator(), false).anyMatch(b -> b.get("id").asLong() == resumedAs),
                    live.toString());

            assertTrue(Set.of("INTERRUPTED", "ENDED").contains(sessions.get(over).get("state").asText()),
                    "a half-second tone is over by the restart and is not played again: " + sessions.get(over));
            JsonNode notes = second.get("/api/asrun?session=" + interrupted).body();
            long stationsTold = StreamSupport.stream(notes.spliterator(), false)
                    .filter(e -> e.get("event").asText().equals("INTERRUPTED"))
                    .peek(e -> assertTrue(e.get("reason").asText().contains("back on air as session " + resumedAs)))
                    .count();
            assertEquals(7, stationsTold, "every commune-a station's as-run log says what happened: " + notes);
        }
    }
}
