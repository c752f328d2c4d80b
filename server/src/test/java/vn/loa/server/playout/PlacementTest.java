package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.sim.SimEvent;

/** An operator's "now", "next" and "at" for a station that is already on air. */
class PlacementTest extends PlayoutHarness {

    @Test
    void nowCutsInOnItsOwnClassAndNextGoesAheadOfTheQueue() {
        connect(List.of("st-09"));
        long a = broadcast("{\"media\":[\"long.mp3\"],\"targets\":{\"stations\":[\"st-09\"]}}");
        awaitPlaying(List.of("st-09"), a);
        long b = broadcast("{\"media\":[\"bulletin.mp3\"],\"targets\":{\"stations\":[\"st-09\"]}}");
        long c = broadcast("{\"media\":[\"alert.mp3\"],\"targets\":{\"stations\":[\"st-09\"]},\"when\":\"next\"}");
        long calledAt = System.currentTimeMillis();
        long d = broadcast("{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-09\"]},\"when\":\"now\"}");
        awaitPlaying(List.of("st-09"), d);
        assertTrue(of("st-09", "play_start", d).get(0).t() - calledAt < 500, "\"now\" is on air at once");
        assertTrue(ended("st-09", a, "PREEMPTED"), "\"now\" cut in on the same class");
        awaitEnded(List.of("st-09"), b, "COMPLETED");
        long cStart = of("st-09", "play_start", c).get(0).t();
        SimEvent aResumed = of("st-09", "play_start", a).get(1);
        long bStart = of("st-09", "play_start", b).get(0).t();
        assertTrue(cStart < aResumed.t() && aResumed.t() < bStart, "order after \"now\": next, then the queue in turn");
    }

    @Test
    void atPutsTheFirstFrameOnAirAtTheInstant() {
        connect(List.of("st-10"));
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long id = broadcast("{\"media\":[\"tone.mp3\"],\"targets\":{\"stations\":[\"st-10\"]},\"at\":\"" + at + "\"}");
        awaitPlaying(List.of("st-10"), id);
        long offByMs = of("st-10", "play_start", id).get(0).t() - at.toEpochMilli();
        assertTrue(Math.abs(offByMs) <= 100, "audible " + offByMs + " ms from the instant asked for");
        assertEquals(400, server.post("/api/broadcasts", JSON, "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true},"
                + "\"at\":\"" + Instant.now().minusSeconds(60) + "\"}").status());
        assertTrue(server.post("/api/broadcasts", JSON, "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true},"
                + "\"at\":\"" + Instant.now().plusSeconds(7200) + "\"}").body().get("error").asText().contains("schedule entry"));
        assertEquals(400, server.post("/api/broadcasts", JSON,
                "{\"media\":[\"tone.mp3\"],\"targets\":{\"all\":true},\"when\":\"later\"}").status());
        await().atMost(WAIT).until(() -> ended("st-10", id, "COMPLETED"));
    }
}
