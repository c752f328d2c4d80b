package vn.loa.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.store.BatchWriter;
import vn.loa.server.store.Sql;

/**
 * The audit table, read newest first. Refusals are appended in batches off the request path. A change is
 * written ahead: {@link #begin} commits a pending row before the change is made, {@link #complete}
 * commits its outcome before the client is answered, and rows a crash left pending are marked unknown
 * at the next start. So an acknowledged change always has its row.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_TEXT = 4096;
    private static final String COLUMNS = "at, actor, address, action, target, status, detail, outcome";
    private final DataSource db;
    private final BatchWriter<AuditEntry> writer;
    private final BatchWriter<Outcome> outcomes;

    /** What a pending row learns when its change is done. */
    private record Outcome(long id, int status, String target, String detail) {
    }

    public AuditLog(DataSource db) {
        this.db = db;
        this.writer = new BatchWriter<>("audit", db, "INSERT INTO audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                AuditLog::bind);
        this.outcomes = new BatchWriter<>("audit-outcome", db, "UPDATE audit SET status = ?, target = ?, "
                + "detail = COALESCE(?, detail), outcome = '" + AuditEntry.DONE + "' WHERE id = ?", AuditLog::bind);
        int cut = Sql.update(db, "UPDATE audit SET outcome = ? WHERE outcome = ?", AuditEntry.UNKNOWN, AuditEntry.PENDING);
        if (cut > 0) {
            log.warn("{} audited changes were cut short by a crash; their outcome is marked unknown", cut);
        }
    }

    public CompletableFuture<Void> record(AuditEntry entry) {
        return writer.append(entry);
    }

    /**
     * Commits a pending row for a change about to be made and returns its id.
     *
     * @throws SQLException when the row cannot be written: the change must then not be made
     */
    public long begin(AuditEntry entry) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, new AuditEntry(entry.at(), entry.actor(), entry.address(), entry.action(), entry.target(), 0,
                    entry.detail(), AuditEntry.PENDING));
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the audit row");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Commits a pending row's outcome; completes once it is durable. @param detail null keeps the request's */
    public CompletableFuture<Void> complete(long id, int status, String target, String detail) {
        return outcomes.append(new Outcome(id, status, target, detail));
    }

    public List<AuditEntry> query(String actor, String action, Instant from, Instant to, int limit) {
        return Sql.select("SELECT " + COLUMNS + " FROM audit")
                .where("actor = ?", actor).where("action LIKE ?", action == null ? null : "%" + action + "%")
                .where("at >= ?", from).where("at < ?", to)
                .list(db, "id DESC", limit, rs -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
    }

    private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, cut(e.actor(), 255));
        ps.setString(3, cut(e.address(), 255));
        ps.setString(4, cut(e.action(), 255));
        ps.setString(5, cut(e.target(), 1024));
        ps.setInt(6, e.status());
        ps.setString(7, cut(e.detail(), MAX_TEXT));
        ps.setString(8, e.outcome());
    }

    private static void bind(PreparedStatement ps, Outcome o) throws SQLException {
        ps.setInt(1, o.status());
        ps.setString(2, cut(o.target(), 1024));
        ps.setString(3, cut(o.detail(), MAX_TEXT));
        ps.setLong(4, o.id());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        writer.close();
        outcomes.close();
    }
}
