package vn.loa.server.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.SimEvents;
import vn.loa.server.TestServer;
import vn.loa.sim.DeviceSimulator;
import vn.loa.sim.SimEvent;

/** Three stations busy with a same-class bulletin when three entries come due: CUT, NEXT and WAIT 2 s. */
class SameClassTest {
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    @Test
    void cutNextAndWaitDoWhatTheySayAtTheInstant() throws Exception {
        List<String> stations = List.of("st-11", "st-12", "st-13");
        try (TestServer server = new TestServer(dir)) {
            SimEvents events = new SimEvents();
            try (DeviceSimulator sim = new DeviceSimulator(server.receiverAddress(), events.log())) {
                stations.forEach(s -> sim.add(TestServer.credentials(s)));
                await().atMost(Duration.ofSeconds(10)).until(() -> stations.stream().allMatch(server::online));
                assertEquals(201, server.post("/api/broadcasts", JSON,
                        "{\"media\":[\"long.mp3\"],\"title\":\"manual\",\"targets\":{\"stations\":[\"st-11\",\"st-12\",\"st-13\"]}}").status());
                await().atMost(Duration.ofSeconds(10)).until(() -> stations.stream().allMatch(s -> !events.of(s, "play_start").isEmpty()));
                ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
                schedule(server, "st-11", "{\"policy\":\"CUT\"}", at);
                schedule(server, "st-12", "{\"policy\":\"NEXT\"}", at);
                schedule(server, "st-13", "{\"policy\":\"WAIT\",\"waitSeconds\":2}", at);
                await().atMost(Duration.ofSeconds(20)).until(() -> stations.stream().allMatch(s -> scheduledStart(events, s) != null));
                long due = at.toInstant().toEpochMilli();
                long cut = scheduledStart(events, "st-11").t() - due;
                long waited = scheduledStart(events, "st-13").t() - due;
                long manualEnd = events.of("st-12", "play_end").get(0).t();
                assertTrue(Math.abs(cut) <= 150, "CUT audible " + cut + " ms from the instant");
                assertTrue(waited >= 1_800 && waited <= 2_500, "WAIT 2 s cut in " + waited + " ms after the instant");
                assertEquals("COMPLETED", events.of("st-12", "play_end").get(0).field("reason"), "NEXT let it finish");
                assertTrue(scheduledStart(events, "st-12").t() >= manualEnd, "NEXT started after the bulletin ended");
            }
        }
    }

    private static void schedule(TestServer server, String station, String sameClass, ZonedDateTime at) {
        TestServer.Reply reply = server.post("/api/schedules", JSON, """
                {"title":"entry %s","broadcast":{"media":["tone.mp3"],"targets":{"stations":["%s"]}},
                 "recurrence":{"type":"once","at":"%s"},"sameClass":%s}""".formatted(station, station, at.toLocalDateTime(), sameClass));
        assertEquals(201, reply.status(), reply.toString());
    }

    private static SimEvent scheduledStart(SimEvents events, String station) {
        return events.of(station, "play_start").stream().filter(e -> ("entry " + station).equals(e.field("title")))
                .findFirst().orElse(null);
    }
}
