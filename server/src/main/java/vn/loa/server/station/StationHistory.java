package vn.loa.server.station;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.store.BatchWriter;
import vn.loa.server.store.Sql;

/**
 * Every station's runtime history in the station_event table: when it came and went (and why it went),
 * what a technician or the device changed, which faults came and cleared. Listens to the registry on
 * network threads and only queues; a writer thread stores.
 */
public final class StationHistory implements PresenceListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationHistory.class);
    /** How long history is kept; older lines are pruned at start. */
    public static final Duration RETENTION = Duration.ofDays(90);
    private final DataSource db;
    private final StationRegistry registry;
    private final BatchWriter<StationEvent> writer;
    private final HistoryBudget budget;
    private final ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "station-history-summaries");
        t.setDaemon(true);
        return t;
    });

    /**
     * History rows come in bursts (an emergency changes the volume of every receiver it reaches, and
     * each reports it); gathering them for a second writes the burst after the audio has gone out.
     */
    private static final long LINGER_MILLIS = 1_000;

    /** As server.yaml's receiverLimits.historyRowsPerMinute defaults to. */
    public static final int DEFAULT_ROWS_PER_MINUTE = 12;

    public StationHistory(DataSource db, StationRegistry registry) {
        this(db, registry, DEFAULT_ROWS_PER_MINUTE);
    }

    /** @param rowsPerMinute rows one station may add per minute before the rest are summed up */
    public StationHistory(DataSource db, StationRegistry registry, int rowsPerMinute) {
        this.db = db;
        this.registry = registry;
        this.budget = new HistoryBudget(rowsPerMinute, registry.counters()::historyCoalesced);
        this.writer = new BatchWriter<>("station_event", db,
                "INSERT INTO station_event (at, station, kind, detail) VALUES (?, ?, ?, ?)", StationHistory::bind,
                LINGER_MILLIS);
        summaries.scheduleWithFixedDelay(() -> store(budget.endedBefore(registry.now())), 10, 10, TimeUnit.SECONDS);
    }

    /** Drops lines older than the retention period. */
    public void prune() {
        Instant before = registry.now().minus(RETENTION);
        int removed = Sql.update(db, "DELETE FROM station_event WHERE at < ?", Timestamp.from(before));
        if (removed > 0) {
            log.info("Pruned {} station history lines older than {}", removed, before);
        }
    }

    @Override
    public void online(String stationId) {
        StationPresence p = registry.presence(stationId);
        record(stationId, StationEvent.ONLINE, "from " + p.remoteAddress() + ", firmware " + p.firmware());
    }

    @Override
    public void offline(String stationId) {
        record(stationId, StationEvent.OFFLINE, registry.presence(stationId).offlineReason());
    }

    @Override
    public void statusReported(String stationId, StationStatus previous, StationStatus current) {
        String changed = StatusDiff.settings(previous, current);
        if (changed != null) {
            record(stationId, StationEvent.CHANGE, changed);
        }
        String raised = StatusDiff.faultsRaised(previous, current);
        if (raised != null) {
            record(stationId, StationEvent.FAULT, raised);
        }
        String cleared = StatusDiff.faultsCleared(previous, current);
        if (cleared != null) {
            record(stationId, StationEvent.RECOVERED, cleared);
        }
    }

    private void record(String station, String kind, String detail) {
        store(budget.admit(new StationEvent(registry.now(), station, kind, detail)));
    }

    private void store(List<StationEvent> rows) {
        rows.forEach(writer::append);
    }

    /** Newest first, as a technician reads it. */
    public List<StationEvent> query(String station, Instant from, Instant to, int limit) {
        return Sql.select("SELECT at, station, kind, detail FROM station_event")
                .where("station = ?", station).where("at >= ?", from).where("at < ?", to)
                .list(db, "id DESC", limit, rs -> new StationEvent(rs.getTimestamp(1).toInstant(),
                        rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    private static void bind(PreparedStatement ps, StationEvent e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, e.station());
        ps.setString(3, e.kind());
        ps.setString(4, truncate(e.detail()));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2048 ? s : s.substring(0, 2047) + "…";
    }

    @Override
    public void close() {
        summaries.shutdownNow();
        store(budget.drain());
        writer.close();
    }
}
