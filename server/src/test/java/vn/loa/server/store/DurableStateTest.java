package vn.loa.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import vn.loa.server.TestClips;
import vn.loa.server.audit.AuditEntry;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaIndex;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.station.StationEvent;
import vn.loa.server.station.StationHistory;
import vn.loa.server.station.StationRegistry;
import vn.loa.server.station.StationStatus;

/** The media index, station history and audit tables on each database. */
class DurableStateTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theMediaIndexSparesRereadingUnchangedFilesAndNoticesChangedOnes(String kind) throws Exception {
        Path media = TestClips.write(dir.resolve("media"));
        try (Database db = new Database(Databases.fresh(kind, dir), "", "", 2)) {
            MediaLibrary first = new MediaLibrary(media, new MediaIndex(db.dataSource()));
            MediaLibrary.ScanReport scan = first.rescan();
            int files = first.entries().size();
            assertEquals(new MediaLibrary.ScanReport(files, 0, 0), scan);

            MediaLibrary second = new MediaLibrary(media, new MediaIndex(db.dataSource()));
            assertEquals(new MediaLibrary.ScanReport(0, files, 0), second.rescan());
            assertEquals(List.copyOf(first.entries()), List.copyOf(second.entries()), "the index gives back the same verdicts");
            MediaEntry broken = second.entry("broken.mp3").orElseThrow();
            assertFalse(broken.accepted());
            assertEquals(first.entry("broken.mp3").orElseThrow().reason(), broken.reason());

            // Replace a file with another of the same name: it must be judged again, not taken on trust.
            Files.copy(media.resolve("tone.mp3"), media.resolve("bulletin.mp3"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(media.resolve("bulletin.mp3"), FileTime.from(Instant.now().plusSeconds(5)));
            Files.delete(media.resolve("alert.mp3"));
            assertEquals(new MediaLibrary.ScanReport(1, files - 2, 1), second.rescan());
            assertEquals(first.entry("tone.mp3").orElseThrow().durationMs(),
                    second.entry("bulletin.mp3").orElseThrow().durationMs());
            assertTrue(second.entry("alert.mp3").isEmpty());

            MediaLibrary third = new MediaLibrary(media, new MediaIndex(db.dataSource()));
            assertEquals(new MediaLibrary.ScanReport(0, files - 1, 0), third.rescan());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stationHistoryKeepsComingsGoingsChangesAndFaults(String kind) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC);
        try (Database db = new Database(Databases.fresh(kind, dir), "", "", 2)) {
            StationRegistry registry = new StationRegistry(clock);
            try (StationHistory history = new StationHistory(db.dataSource(), registry)) {
                registry.addListener(history);
                registry.connected("tra-mai-01", 7, "10.0.0.5:40000", "sim-1.0", Set.of());
                registry.statusReported("tra-mai-01", 7, status(40, false, false, clock));
                registry.statusReported("tra-mai-01", 7, status(40, false, false, clock)); // a heartbeat: nothing new
                registry.statusReported("tra-mai-01", 7, status(65, false, true, clock));
                registry.statusReported("tra-mai-01", 7, status(65, true, false, clock));
                registry.statusReported("tra-mai-01", 99, status(10, true, true, clock)); // a stale connection
                registry.disconnected("tra-mai-01", 7, "no frame for 1500 ms");

                await().atMost(Duration.ofSeconds(10)).until(() -> history.query("tra-mai-01", null, null, 100).size() == 7);
                List<StationEvent> events = history.query("tra-mai-01", null, null, 100);
                assertEquals(List.of("OFFLINE", "RECOVERED", "CHANGE", "FAULT", "CHANGE", "CHANGE", "ONLINE"),
                        events.stream().map(StationEvent::kind).toList());
                assertEquals("no frame for 1500 ms", events.get(0).detail());
                assertEquals("speakerLineFault", events.get(1).detail());
                assertEquals("muted false→true", events.get(2).detail());
                assertEquals("speakerLineFault", events.get(3).detail());
                assertEquals("volume 40→65", events.get(4).detail());
                assertTrue(events.get(5).detail().startsWith("volume 40, muted false"), events.get(5).detail());
                assertEquals("from 10.0.0.5:40000, firmware sim-1.0", events.get(6).detail());
                assertEquals(2, history.query("tra-mai-01", null, null, 2).size());
                assertTrue(history.query("tra-don-01", null, null, 100).isEmpty());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theAuditIsWrittenAndFilteredNewestFirst(String kind) throws Exception {
        Instant t0 = Instant.parse("2026-11-22T07:00:00Z");
        try (Database db = new Database(Databases.fresh(kind, dir), "", "", 2); AuditLog audit = new AuditLog(db.dataSource())) {
            for (int i = 0; i < 30; i++) {
                audit.record(new AuditEntry(t0.plusSeconds(i), i % 3 == 0 ? "can-bo-xa" : "ky-thuat", "10.0.0.9:5555",
                        i % 2 == 0 ? "POST /api/broadcasts" : "DELETE /api/schedules/4", i % 2 == 0 ? String.valueOf(i) : null,
                        i % 5 == 0 ? 403 : 201, "chi tiết " + "x".repeat(i * 200))).get(10, TimeUnit.SECONDS);
            }
            List<AuditEntry> all = audit.query(null, null, null, null, 100);
            assertEquals(30, all.size());
            assertEquals(t0.plusSeconds(29), all.get(0).at());
            assertEquals(10, audit.query("can-bo-xa", null, null, null, 100).size());
            assertEquals(15, audit.query(null, "/api/schedules", null, null, 100).size());
            assertEquals(5, audit.query(null, null, t0.plusSeconds(10), t0.plusSeconds(15), 100).size());
            assertNull(all.get(0).target());
            assertEquals(4096, all.get(0).detail().length(), "long details are cut to the column, not refused");
        }
    }

    private static StationStatus status(int volume, boolean muted, boolean speakerFault, Clock clock) {
        return new StationStatus(volume, muted, true, speakerFault, false, false, 31.5, -71, "LTE", 100, 1500, null,
                clock.instant());
    }
}
