package vn.loa.server.playout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.Priority;
import vn.loa.server.TestClips;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.media.Mp3Parser;
import vn.loa.server.station.ReceiverOutlet;
import vn.loa.server.station.SendRound;
import vn.loa.server.station.StationOutlets;
import vn.loa.server.store.Database;

/**
 * The playout engine on its own (receivers faked, as-run log real): every subscriber hears every
 * session event in order, a subscriber stuck on its own work holds up neither playout nor the other
 * subscribers, and a second listen-in tap does not replace the first.
 */
class SessionEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void twoSubscribersHearTheSameEventsAndAStuckOneHoldsUpNobody() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        List<SessionEvent> fast = new CopyOnWriteArrayList<>();
        List<SessionEvent> slow = new CopyOnWriteArrayList<>();
        AtomicInteger tapOne = new AtomicInteger();
        AtomicInteger tapTwo = new AtomicInteger();
        ExecutorService fastThread = Executors.newSingleThreadExecutor();
        ExecutorService slowThread = Executors.newSingleThreadExecutor();
        try (Database db = new Database(Database.h2Url(dir.resolve("db")), "", "", 2);
             AsRunLog asRun = new AsRunLog(db.dataSource());
             PlayoutEngine engine = new PlayoutEngine(offline(), asRun, Clock.systemUTC())) {
            engine.events().subscribe("fast", fastThread, fast::add);
            engine.events().subscribe("slow", slowThread, e -> {
                hold(stuck); // a subscriber waiting on a database that does not answer
                slow.add(e);
            });
            engine.onAudio(counting("st-01", tapOne));
            engine.onAudio(counting("st-01", tapTwo));

            Path media = TestClips.write(dir.resolve("media"));
            long bulletin = engine.start(engine.reserveId(), plan(media, "long.mp3", Priority.NORMAL), null, 0)
                    .get(10, TimeUnit.SECONDS);
            long flood = engine.start(engine.reserveId(), plan(media, "tone.mp3", Priority.EMERGENCY), null, 0)
                    .get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> fast.contains(new SessionEvent.Resumed(bulletin, "st-01")));
            assertTrue(engine.cancel(bulletin).get(10, TimeUnit.SECONDS));
            await().atMost(WAIT).until(() -> fast.contains(new SessionEvent.Ended(bulletin, true)));

            assertEquals(List.of(
                    new SessionEvent.Started(bulletin, "long.mp3", "NORMAL", 1),
                    new SessionEvent.Started(flood, "tone.mp3", "EMERGENCY", 1),
                    new SessionEvent.Preempted(bulletin, "st-01", flood),
                    // The same tick frees st-01 for the bulletin and then finds the flood over everywhere.
                    new SessionEvent.Resumed(bulletin, "st-01"),
                    new SessionEvent.Ended(flood, false),
                    new SessionEvent.Ended(bulletin, true)), sessionLevel(fast), "what st-01 lived through, in order");
            assertEquals(List.of(bulletin, flood, bulletin), playingOn("st-01", fast));
            assertTrue(slow.isEmpty(), "the stuck subscriber got nothing yet, and the rest went on without it");

            stuck.countDown();
            await().atMost(WAIT).until(() -> slow.size() == fast.size());
            assertEquals(fast, slow, "the second subscriber hears exactly what the first did");
            assertTrue(tapOne.get() > 0 && tapOne.get() == tapTwo.get(),
                    "both listen-in taps hear st-01: " + tapOne + " and " + tapTwo + " chunks");
        } finally {
            stuck.countDown();
            fastThread.shutdownNow();
            slowThread.shutdownNow();
        }
    }

    private static List<SessionEvent> sessionLevel(List<SessionEvent> events) {
        return events.stream().filter(e -> !(e instanceof SessionEvent.StationPlaying)).toList();
    }

    /** The sessions a station played, in order, silences left out. */
    private static List<Long> playingOn(String station, List<SessionEvent> events) {
        List<Long> out = new ArrayList<>();
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.StationPlaying p && p.station().equals(station) && p.playing() != null) {
                out.add(p.session());
            }
        }
        return out;
    }

    private static BroadcastPlan plan(Path media, String clip, Priority priority) throws Exception {
        Programme programme = new Programme(List.of(new ProgrammeItem(clip, clip,
                Mp3Parser.parse(Files.readAllBytes(media.resolve(clip))))), 1);
        return new BroadcastPlan(clip, programme, Set.of("st-01"), priority, IssuerLevel.DISTRICT, PreemptPolicy.RESUME,
                null, Duration.ofMinutes(1), 255, Placement.QUEUE, null);
    }

    private static ListenTap counting(String station, AtomicInteger chunks) {
        return new ListenTap() {
            @Override
            public boolean listening(String s) {
                return s.equals(station);
            }

            @Override
            public void audio(String s, ByteBuf mp3) {
                chunks.incrementAndGet();
                mp3.release();
            }
        };
    }

    /** Receivers always connected and writable; what is sent to them is dropped. */
    private static StationOutlets offline() {
        ReceiverOutlet outlet = new ReceiverOutlet() {
            @Override
            public boolean writable() {
                return true;
            }

            @Override
            public long pendingBytes() {
                return 0;
            }
        };
        return new StationOutlets() {
            @Override
            public ReceiverOutlet outlet(String stationId) {
                return outlet;
            }

            @Override
            public SendRound round() {
                return new SendRound() {
                    @Override
                    public void add(ReceiverOutlet o, List<ByteBuf> frames, vn.loa.server.station.StillWanted wanted) {
                        frames.forEach(ByteBuf::release);
                    }

                    @Override
                    public void submit() {
                    }
                };
            }
        };
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
