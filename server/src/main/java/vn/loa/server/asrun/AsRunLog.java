package vn.loa.server.asrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that aired, in the database's as_run table. Playout never waits for the disk: entries are
 * queued, and a writer thread inserts them in batches, one transaction per batch. {@link #append}
 * completes only once its entry is committed, so whoever acknowledges something on the strength of it
 * can wait for that.
 */
public final class AsRunLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AsRunLog.class);
    private static final String INSERT = "INSERT INTO as_run (at, station, session_id, title, priority, event, "
            + "offset_ms, item, item_offset_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private record Pending(AsRunEntry entry, CompletableFuture<Void> done) {
    }

    private static final Pending END = new Pending(null, null);
    private final DataSource db;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public AsRunLog(DataSource db) {
        this.db = db;
        writer = new Thread(this::drain, "asrun-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public CompletableFuture<Void> append(AsRunEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("as-run log closed"));
        } else {
            queue.add(new Pending(entry, done));
        }
        return done;
    }

    /** Entries in the order they were written; null filters match everything. */
    public List<AsRunEntry> query(String station, Long session, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT at, station, session_id, title, priority, event, offset_ms, "
                + "item, item_offset_ms, reason FROM as_run WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (station != null) {
            sql.append(" AND station = ?");
            args.add(station);
        }
        if (session != null) {
            sql.append(" AND session_id = ?");
            args.add(session);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id FETCH FIRST ? ROWS ONLY");
        args.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AsRunEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AsRunEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
                            rs.getString(8), (Long) rs.getObject(9, Long.class), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("as-run query failed: " + e.getMessage(), e);
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean last = batch.remove(END);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
            if (last) {
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Pending p : batch) {
                    bind(ps, p.entry());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            batch.forEach(p -> p.done().complete(null));
        } catch (SQLException e) {
            // A full disk or a lost database: say so loudly, fail the waiters, keep the audio playing.
            log.error("As-run write failed; {} entries not stored: {}", batch.size(), e.getMessage());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static void bind(PreparedStatement ps, AsRunEntry e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.time()));
        ps.setString(2, e.station());
        ps.setLong(3, e.session());
        ps.setString(4, e.title());
        ps.setString(5, e.priority());
        ps.setString(6, e.event());
        setLong(ps, 7, e.offsetMs());
        ps.setString(8, e.item());
        setLong(ps, 9, e.itemOffsetMs());
        ps.setString(10, e.reason());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Writes out everything already queued, then stops. */
    @Override
    public void close() {
        closed = true;
        queue.add(END);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
