package vn.loa.server.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.ChildServer;
import vn.loa.server.TestConfig;
import vn.loa.server.store.Databases;

/**
 * The server is SIGKILLed while three entries are pending and is down when they come due; on restart
 * each missed firing follows its entry's policy, and the as-run log says which. The kill comes once
 * Quartz has fired the first entry ahead of its air time (its trigger is consumed, its session not yet
 * journaled) and before the other two, due a second later, have fired: both ways a firing can be missed.
 */
class MisfireRecoveryTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void missedFiringsFollowSkipGraceAndJoinAfterARestart(String kind) throws Exception {
        Path config = TestConfig.write(dir, Databases.fresh(kind, dir));
        ChildServer first = new ChildServer(config, dir.resolve("data"), dir.resolve("first.log"));
        ZonedDateTime due = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        for (String[] e : List.of(new String[] {"st-01", "{\"policy\":\"SKIP\"}", "0"},
                new String[] {"st-02", "{\"policy\":\"GRACE\",\"graceMinutes\":5}", "1"},
                new String[] {"st-03", "{\"policy\":\"JOIN\"}", "1"})) {
            ChildServer.Reply reply = first.post("/api/schedules", """
                    {"title":"%s","broadcast":{"media":["long.mp3"],"repeat":3,"targets":{"stations":["%s"]}},
                     "recurrence":{"type":"once","at":"%s"},"misfire":%s}""".formatted(e[0], e[0],
                    due.plusSeconds(Long.parseLong(e[2])).toLocalDateTime(), e[1]));
            assertEquals(201, reply.status(), reply.toString());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> first.log().contains("'st-01' fired for air time"));
        assertEquals(137, first.kill());
        Instant missedBy = due.toInstant().plusSeconds(4);
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(missedBy));

        try (ChildServer second = new ChildServer(config, dir.resolve("data"), dir.resolve("second.log"))) {
            JsonNode skip = second.get("/api/asrun?station=st-01").body();
            assertEquals(1, skip.size(), skip + "\n" + second.log());
            assertEquals("MISSED", skip.get(0).get("event").asText());
            assertTrue(skip.get(0).get("reason").asText().startsWith("policy SKIP"));

            JsonNode grace = second.get("/api/asrun?station=st-02").body();
            assertEquals(2, grace.size(), grace + "\n" + second.log());
            assertEquals(List.of("STARTED", "LATE"), List.of(grace.get(0).get("event").asText(), grace.get(1).get("event").asText()));
            assertEquals(0, grace.get(0).get("offsetMs").asLong(), "played late, from the top");

            JsonNode join = second.get("/api/asrun?station=st-03").body();
            assertEquals(2, join.size(), join + "\n" + second.log());
            assertEquals("STARTED", join.get(0).get("event").asText());
            assertEquals("JOINED", join.get(1).get("event").asText());
            long joinedAt = join.get(0).get("offsetMs").asLong();
            long lateMs = Instant.now().toEpochMilli() - due.plusSeconds(1).toInstant().toEpochMilli();
            assertTrue(joinedAt >= 3_000 && joinedAt <= lateMs, "joined " + joinedAt + " ms in, " + lateMs + " ms late");
            assertEquals(2, second.get("/api/broadcasts").body().size(), "the late and the joined sessions are on air");
        }
    }
}
