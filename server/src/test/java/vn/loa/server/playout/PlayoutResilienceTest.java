package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.TestClips;
import vn.loa.server.TestServer;
import vn.loa.sim.Faults;
import vn.loa.sim.SimEvent;
import vn.loa.sim.SimulatedReceiver;

/** Bad links during a broadcast: a receiver that cannot keep up, and one that drops its connection. */
class PlayoutResilienceTest extends PlayoutHarness {

    @Test
    void slowReceiverIsSkippedForwardAndDoesNotDelayTheOthers() {
        List<String> healthy = List.of("st-01", "st-02", "st-03", "st-04", "st-05");
        connect(healthy);
        // 320 kbit/s is 40 kB/s; this receiver reads at half that speed.
        connect("st-06", new Faults(0, 0, 0, 0, 0, 20_000, false, 0, 1.0));
        long id = broadcast("""
                {"media":["loud.mp3"],"targets":{"stations":["st-01","st-02","st-03","st-04","st-05","st-06"]}}""");
        awaitEnded(healthy, id, "COMPLETED");
        long expectedMs = TestClips.LOUD_FRAMES * 1152L * 1000 / 44_100;
        for (String s : healthy) {
            SimEvent start = of(s, "play_start", id).get(0);
            SimEvent end = of(s, "play_end", id).get(0);
            assertEquals(0, number(end, "underruns"), s);
            assertEquals(0, number(end, "missedChunks"), s);
            assertEquals(TestClips.LOUD_FRAMES, number(end, "frames"), s);
            long tookMs = end.t() - start.t();
            assertTrue(Math.abs(tookMs - expectedMs) < 400, s + " played " + expectedMs + " ms of audio in " + tookMs + " ms");
        }
        await().atMost(WAIT).until(() -> asRunEvents("st-06", id).contains("SKIPPED"));
        // Its backlog is bounded in audio time, so it ends soon after the others, not minutes later.
        await().atMost(WAIT).until(() -> !of("st-06", "play_end", id).isEmpty());
        SimEvent slowEnd = of("st-06", "play_end", id).get(0);
        assertTrue(number(slowEnd, "missedChunks") > 0, slowEnd.toString());
        assertTrue(server.online("st-06"), "lagging is not a reason to disconnect");
    }

    @Test
    void receiverThatDropsItsLinkMidBulletinRejoinsAtTheLivePosition() {
        connect(List.of("st-01", "st-03"));
        SimulatedReceiver dropper = connect("st-02", Faults.NONE);
        long id = broadcast("""
                {"media":["long.mp3"],"targets":{"stations":["st-01","st-02","st-03"]}}""");
        awaitPlaying(List.of("st-01", "st-02", "st-03"), id);
        await().atMost(WAIT).until(() -> server.station("st-02").at("/nowPlaying/offsetMs").asLong() >= 1500);
        dropper.dropLink();
        await().atMost(WAIT).until(() -> of("st-02", "play_start", id).size() == 2);
        SimEvent rejoin = of("st-02", "play_start", id).get(1);
        assertTrue(number(rejoin, "offsetMs") >= 1500, "rejoined at " + rejoin.field("offsetMs") + " ms");
        awaitEnded(List.of("st-01", "st-02", "st-03"), id, "COMPLETED");
        assertEquals("LINK_LOST", of("st-02", "play_end", id).get(0).field("reason"));
        awaitAsRun("st-02", id, "STARTED", "LINK_LOST", "REJOINED", "COMPLETED");
        awaitAsRun("st-01", id, "STARTED", "COMPLETED");
    }

    @Test
    void sessionsQueueOnABusyStationAndPlayInTurn() {
        connect(List.of("st-07"));
        long first = broadcast("""
                {"media":["bulletin.mp3"],"targets":{"stations":["st-07"]},"priority":"NORMAL"}""");
        long second = broadcast("""
                {"media":["alert.mp3"],"targets":{"stations":["st-07"]},"priority":"NORMAL"}""");
        long background = broadcast("""
                {"media":["tone.mp3"],"targets":{"stations":["st-07"]},"priority":"BACKGROUND"}""");
        JsonNode live = server.get("/api/broadcasts").body();
        assertEquals(3, live.size());
        assertEquals("st-07", live.get(1).get("waiting").get(0).asText());
        awaitEnded(List.of("st-07"), background, "COMPLETED");
        long firstEnd = of("st-07", "play_end", first).get(0).t();
        long secondStart = of("st-07", "play_start", second).get(0).t();
        long backgroundStart = of("st-07", "play_start", background).get(0).t();
        assertTrue(firstEnd <= secondStart && of("st-07", "play_end", second).get(0).t() <= backgroundStart,
                "played in turn: NORMAL, NORMAL, then BACKGROUND");
        awaitAsRun("st-07", second, "QUEUED", "STARTED", "COMPLETED");
    }

    @Test
    void provinceBulletinCutsInOnACommuneOneOfTheSameClass() {
        connect(List.of("st-08"));
        // The issuer level comes from who asks: commune-b's operator speaks for the commune, the admin for the top.
        TestServer.Reply byCommune = server.as(server.user("xa-b", "operator", "commune-b")).post("/api/broadcasts", JSON, """
                {"media":["long.mp3"],"targets":{"stations":["st-08"]},"priority":"PRIORITY"}""");
        assertEquals(201, byCommune.status(), byCommune.toString());
        long commune = byCommune.body().get("id").asLong();
        awaitPlaying(List.of("st-08"), commune);
        long province = broadcast("""
                {"media":["alert.mp3"],"targets":{"stations":["st-08"]},"priority":"PRIORITY"}""");
        awaitPlaying(List.of("st-08"), province);
        assertTrue(ended("st-08", commune, "PREEMPTED"));
    }
}
