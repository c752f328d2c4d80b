package vn.loa.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.protocol.Priority;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.SessionJournal;
import vn.loa.server.broadcast.SessionRecord;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.TestClips;
import vn.loa.server.media.Mp3Parser;
import vn.loa.server.playout.IssuerLevel;
import vn.loa.server.playout.Placement;
import vn.loa.server.playout.PreemptPolicy;
import vn.loa.server.playout.Programme;
import vn.loa.server.playout.ProgrammeItem;

/** The session journal on each database: rows, ends (also ends that overtake their start), settling. */
class SessionJournalTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sessionsAreJournaledWithTheirRequestAndEnd(String kind) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC);
        BroadcastRequest request = new BroadcastRequest("Cảnh báo lũ", List.of("alert.mp3"), null,
                new BroadcastRequest.Targets(null, List.of("tra-leng"), null, null), "EMERGENCY", null, null, null,
                null, 2, true, null, null);
        Path media = TestClips.write(dir.resolve("media"));
        Programme programme = new Programme(List.of(new ProgrammeItem("alert.mp3", "Cảnh báo lũ",
                Mp3Parser.parse(Files.readAllBytes(media.resolve("alert.mp3"))))), 2);
        BroadcastPlan plan = new BroadcastPlan("Cảnh báo lũ", programme, Set.of("st-01", "st-02"), Priority.EMERGENCY,
                IssuerLevel.DISTRICT, PreemptPolicy.RESUME, null, Duration.ofMinutes(1), 90, Placement.NOW, null);
        try (Database db = new Database(Databases.fresh(kind, dir), "", "", 2);
             SessionJournal journal = new SessionJournal(db.dataSource(), clock)) {
            Instant heard = clock.instant().plusMillis(200);
            journal.started(1, request, plan, heard, "api, can-bo-huyen").get(10, TimeUnit.SECONDS);
            journal.started(2, request, plan, heard, "schedule 4").get(10, TimeUnit.SECONDS);
            journal.ended(3, false); // ends before its start is written: a very short session
            journal.started(3, request, plan, heard, "api").get(10, TimeUnit.SECONDS);
            journal.ended(2, true);
            await().atMost(Duration.ofSeconds(10)).until(() -> journal.active().size() == 1);

            SessionRecord one = journal.active().get(0);
            assertEquals(1, one.id());
            assertEquals(request, one.request(), "the request reads back whole, Vietnamese included");
            assertEquals(heard, one.audibleAt());
            assertEquals(plan.programme().durationMillis(), one.durationMs());
            assertEquals("api, can-bo-huyen", one.origin());
            assertEquals("EMERGENCY", one.priority());
            assertEquals(List.of(SessionRecord.ENDED, SessionRecord.CANCELLED, SessionRecord.ACTIVE),
                    journal.query(null, 10).stream().map(SessionRecord::state).toList());

            journal.settled(1, 77L);
            SessionRecord settled = journal.query(SessionRecord.RESUMED, 10).get(0);
            assertEquals(77L, settled.resumedAs());
            assertEquals(clock.instant(), settled.endedAt());
            journal.settled(2, null);
            assertNull(journal.query(SessionRecord.INTERRUPTED, 10).get(0).resumedAs());
            assertEquals(0, journal.active().size());
        }
    }
}
