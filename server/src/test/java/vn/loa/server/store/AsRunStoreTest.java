package vn.loa.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;

/** The as-run table on each database: batched writes acknowledged once committed, queries by filter. */
class AsRunStoreTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void entriesAreStoredInOrderAndFoundByFilter(String kind) throws Exception {
        Instant t0 = Instant.parse("2026-11-22T06:00:00Z");
        try (Database db = new Database(Databases.fresh(kind, dir), "", "", 4);
             AsRunLog log = new AsRunLog(db.dataSource())) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String station = i % 2 == 0 ? "tra-mai-01" : "tra-don-02";
                acks.add(log.append(new AsRunEntry(t0.plusSeconds(i), station, 1000 + i / 100, "Bản tin sáng – Trà Mai",
                        "NORMAL", i % 3 == 0 ? AsRunEntry.STARTED : AsRunEntry.COMPLETED, (long) i * 26, "ban-tin-sang.mp3",
                        i % 5 == 0 ? null : (long) i, i % 7 == 0 ? "lý do" : null)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            List<AsRunEntry> all = log.query(null, null, null, null, 10_000);
            assertEquals(500, all.size());
            assertEquals(t0.plusSeconds(499), all.get(499).time());
            assertEquals("Bản tin sáng – Trà Mai", all.get(0).title());
            assertNull(all.get(0).itemOffsetMs());
            assertEquals("lý do", all.get(0).reason());
            assertEquals(250, log.query("tra-mai-01", null, null, null, 10_000).size());
            assertEquals(100, log.query(null, 1002L, null, null, 10_000).size());
            assertEquals(10, log.query(null, null, t0.plusSeconds(10), t0.plus(20, ChronoUnit.SECONDS), 10_000).size());
            assertEquals(7, log.query("tra-don-02", null, null, null, 7).size());
        }
    }
}
