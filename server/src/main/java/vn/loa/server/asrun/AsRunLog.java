package vn.loa.server.asrun;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import vn.loa.server.store.BatchWriter;
import vn.loa.server.store.Sql;

/**
 * Everything that aired, in the database's as_run table. Playout never waits for the disk: entries go
 * through a {@link BatchWriter}, and {@link #append} completes only once its entry is committed.
 */
public final class AsRunLog implements AutoCloseable {
    private static final String INSERT = "INSERT INTO as_run (at, station, session_id, title, priority, event, "
            + "offset_ms, item, item_offset_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private final DataSource db;
    private final BatchWriter<AsRunEntry> writer;

    public AsRunLog(DataSource db) {
        this.db = db;
        this.writer = new BatchWriter<>("as_run", db, INSERT, AsRunLog::bind);
    }

    public CompletableFuture<Void> append(AsRunEntry entry) {
        return writer.append(entry);
    }

    /** Entries in the order they were written; null filters match everything. */
    public List<AsRunEntry> query(String station, Long session, Instant from, Instant to, int limit) {
        return Sql.select("SELECT at, station, session_id, title, priority, event, offset_ms, item, item_offset_ms, "
                        + "reason FROM as_run")
                .where("station = ?", station).where("session_id = ?", session)
                .where("at >= ?", from).where("at < ?", to)
                .list(db, "id", limit, rs -> new AsRunEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10)));
    }

    private static void bind(PreparedStatement ps, AsRunEntry e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.time()));
        ps.setString(2, e.station());
        ps.setLong(3, e.session());
        ps.setString(4, e.title());
        ps.setString(5, e.priority());
        ps.setString(6, e.event());
        Sql.setLong(ps, 7, e.offsetMs());
        ps.setString(8, e.item());
        Sql.setLong(ps, 9, e.itemOffsetMs());
        ps.setString(10, e.reason());
    }

    /** Writes out everything already queued, then stops. */
    @Override
    public void close() {
        writer.close();
    }
}
