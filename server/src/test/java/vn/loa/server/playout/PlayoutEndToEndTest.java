package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.TestClips;
import vn.loa.sim.Faults;
import vn.loa.sim.Recorder;
import vn.loa.sim.SimEvent;

/** Bulletins and alerts from the API to simulated receivers, checked in the simulator's log and recordings. */
class PlayoutEndToEndTest extends PlayoutHarness {

    @Test
    void normalBulletinToThreeCommunesPlaysCompletelyOnEveryReceiver() throws Exception {
        connect(ALL);
        long id = broadcast("""
                {"media":["bulletin.mp3"],"targets":{"areas":["commune-a","commune-b","commune-c"]},
                 "priority":"NORMAL","title":"Bản tin sáng"}""");
        await().atMost(WAIT).until(() -> server.station("st-05").at("/nowPlaying/session").asLong() == id);
        assertEquals("Bản tin sáng", server.station("st-05").at("/nowPlaying/title").asText());
        awaitEnded(ALL, id, "COMPLETED");
        byte[] source = TestClips.audioOf(dir.resolve("media/bulletin.mp3"));
        for (String s : ALL) {
            SimEvent end = of(s, "play_end", id).get(0);
            assertEquals(TestClips.BULLETIN_FRAMES, number(end, "frames"), s);
            assertEquals(0, number(end, "underruns"), s);
            assertEquals(0, number(end, "missedChunks"), s);
            assertEquals(0, number(end, "badFrames"), s);
            Path recording = Recorder.file(recordings, s, id);
            await().atMost(WAIT).until(() -> Files.exists(recording) && Files.size(recording) == source.length);
            assertArrayEquals(source, Files.readAllBytes(recording), s + " played exactly the source frames");
        }
        Ffmpeg.assertDecodesCleanly(Recorder.file(recordings, "st-01", id));
        awaitAsRun("st-20", id, "STARTED", "COMPLETED");
        assertTrue(server.station("st-05").get("nowPlaying").isNull());
    }

    @Test
    void emergencyPreemptsOnlyItsCommuneWithinHalfASecondThenTheBulletinResumes() {
        connect(ALL);
        long bulletin = broadcast("""
                {"media":["long.mp3"],"targets":{"all":true},"priority":"NORMAL","onPreempt":"RESUME"}""");
        awaitPlaying(ALL, bulletin);
        await().atMost(WAIT).until(() -> server.station("st-01").at("/nowPlaying/offsetMs").asLong() >= 1000);
        long calledAt = System.currentTimeMillis();
        long alert = broadcast("""
                {"media":["alert.mp3"],"targets":{"areas":["commune-a"]},"priority":"EMERGENCY"}""");
        List<String> communeA = stationsOf("commune-a");
        awaitPlaying(communeA, alert);
        for (String s : communeA) {
            long latency = of(s, "play_start", alert).get(0).t() - calledAt;
            assertTrue(latency <= 500, s + " heard the alert " + latency + " ms after the API call");
            assertTrue(ended(s, bulletin, "PREEMPTED"), s);
        }
        awaitEnded(communeA, alert, "COMPLETED");
        awaitEnded(ALL, bulletin, "COMPLETED");
        for (String s : ALL) {
            boolean inA = communeA.contains(s);
            assertEquals(inA ? 2 : 1, of(s, "play_start", bulletin).size(), s);
            assertEquals(!inA, of(s, "play_end", bulletin).stream().noneMatch(e -> "PREEMPTED".equals(e.field("reason"))), s);
        }
        SimEvent resumed = of("st-01", "play_start", bulletin).get(1);
        long cutAt = server.get("/api/asrun?station=st-01&session=" + bulletin).body().get(1).get("offsetMs").asLong();
        // The cut falls on the frame being heard (26 ms frames), so at or just before the 1000 ms waited for.
        assertTrue(cutAt >= 1000 - 27 && number(resumed, "offsetMs") == cutAt,
                "resumed at " + resumed.field("offsetMs") + ", cut at " + cutAt);
        // The receiver plays on until the AUDIO_END reaches it, and the server resumes from the frame heard
        // at the cut: the frames heard twice are at most those due while the cut was on its way.
        long played = of("st-01", "play_end", bulletin).stream().mapToLong(e -> number(e, "frames")).sum();
        long inFlightMs = of("st-01", "audio_start", alert).get(0).t() - calledAt;
        long twiceAtMost = inFlightMs * 1000 / 26_122 + 3;
        assertTrue(played >= TestClips.LONG_FRAMES - 3 && played <= TestClips.LONG_FRAMES + twiceAtMost,
                "frames heard across the cut: " + played + " (the cut reached the receiver " + inFlightMs + " ms after the call)");
        awaitAsRun("st-01", bulletin, "STARTED", "PREEMPTED", "RESUMED", "COMPLETED");
        awaitAsRun("st-09", bulletin, "STARTED", "COMPLETED");
        awaitAsRun("st-01", alert, "STARTED", "COMPLETED");
    }

    @Test
    void restartPolicyPlaysTheInterruptedBulletinFromTheBeginning() {
        List<String> communeB = stationsOf("commune-b");
        connect(communeB);
        long bulletin = broadcast("""
                {"media":["bulletin.mp3"],"targets":{"areas":["commune-b"]},"onPreempt":"RESTART"}""");
        awaitPlaying(communeB, bulletin);
        long alert = broadcast("""
                {"media":["alert.mp3"],"targets":{"areas":["commune-b"]},"priority":"EMERGENCY"}""");
        awaitEnded(communeB, alert, "COMPLETED");
        awaitEnded(communeB, bulletin, "COMPLETED");
        for (String s : communeB) {
            assertEquals(0, number(of(s, "play_start", bulletin).get(1), "offsetMs"), s);
            assertEquals(TestClips.BULLETIN_FRAMES, number(of(s, "play_end", bulletin).get(1), "frames"), s);
        }
        awaitAsRun("st-08", bulletin, "STARTED", "PREEMPTED", "RESTARTED", "COMPLETED");
    }

    @Test
    void dropPolicyForgetsTheInterruptedBulletin() {
        List<String> communeC = stationsOf("commune-c");
        connect(communeC);
        long bulletin = broadcast("""
                {"media":["bulletin.mp3"],"targets":{"areas":["commune-c"]},"onPreempt":"DROP"}""");
        awaitPlaying(communeC, bulletin);
        long alert = broadcast("""
                {"media":["alert.mp3"],"targets":{"areas":["commune-c"]},"priority":"EMERGENCY"}""");
        awaitEnded(communeC, alert, "COMPLETED");
        await().during(Duration.ofMillis(800)).atMost(WAIT)
                .until(() -> communeC.stream().allMatch(s -> of(s, "play_start", bulletin).size() == 1));
        awaitAsRun("st-15", bulletin, "STARTED", "PREEMPTED", "DROPPED");
        assertEquals(0, server.get("/api/broadcasts").body().size(), "nothing left on air or waiting");
    }

    @Test
    void ofTwoOverlappingEmergenciesTheNewestWins() {
        List<String> communeA = stationsOf("commune-a");
        connect(communeA);
        long first = broadcast("""
                {"media":["long.mp3"],"targets":{"areas":["commune-a"]},"priority":"EMERGENCY","onPreempt":"DROP"}""");
        awaitPlaying(communeA, first);
        long second = broadcast("""
                {"media":["alert.mp3"],"targets":{"stations":["st-01","st-02"]},"priority":"EMERGENCY"}""");
        awaitPlaying(List.of("st-01", "st-02"), second);
        assertTrue(ended("st-01", first, "PREEMPTED") && ended("st-02", first, "PREEMPTED"));
        assertTrue(of("st-03", "play_end", first).isEmpty(), "st-03 was not targeted by the second alert");
        awaitEnded(List.of("st-03"), first, "COMPLETED");
    }

    @Test
    void emergencyWithToneAndRepeatsForcesVolumeThenRestoresIt() {
        var receiver = connect("st-04", Faults.NONE);
        receiver.device().setVolume(30);
        long id = broadcast("""
                {"media":["alert.mp3"],"targets":{"stations":["st-04"]},"priority":"EMERGENCY",
                 "attentionTone":true,"repeat":2}""");
        awaitPlaying(List.of("st-04"), id);
        assertEquals(90, receiver.device().volume());
        assertTrue(receiver.device().amplifierOn() && !receiver.device().muted());
        awaitEnded(List.of("st-04"), id, "COMPLETED");
        assertEquals(2L * (TestClips.TONE_FRAMES + TestClips.ALERT_FRAMES), number(of("st-04", "play_end", id).get(0), "frames"));
        assertEquals(30, receiver.device().volume(), "volume restored after the emergency");
    }

    @Test
    void cancelStopsTheSessionOnEveryReceiverAtOnce() {
        connect(ALL);
        long id = broadcast("""
                {"media":["long.mp3"],"targets":{"all":true}}""");
        awaitPlaying(ALL, id);
        long calledAt = System.currentTimeMillis();
        assertEquals(200, server.delete("/api/broadcasts/" + id).status());
        awaitEnded(ALL, id, "CANCELLED");
        for (String s : ALL) {
            long took = of(s, "play_end", id).get(0).t() - calledAt;
            assertTrue(took < 1000, s + " stopped " + took + " ms after the call");
        }
        assertEquals(404, server.delete("/api/broadcasts/" + id).status());
        awaitAsRun("st-11", id, "STARTED", "CANCELLED");
    }
}
