package vn.loa.server.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import vn.loa.server.store.BatchWriter;
import vn.loa.server.store.Sql;

/** The audit table: append-only, written in batches off the request path, read newest first. */
public final class AuditLog implements AutoCloseable {
    static final int MAX_TEXT = 4096;
    private final DataSource db;
    private final BatchWriter<AuditEntry> writer;

    public AuditLog(DataSource db) {
        this.db = db;
        this.writer = new BatchWriter<>("audit", db, "INSERT INTO audit (at, actor, address, action, target, status, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)", AuditLog::bind);
    }

    public CompletableFuture<Void> record(AuditEntry entry) {
        return writer.append(entry);
    }

    public List<AuditEntry> query(String actor, String action, Instant from, Instant to, int limit) {
        return Sql.select("SELECT at, actor, address, action, target, status, detail FROM audit")
                .where("actor = ?", actor).where("action LIKE ?", action == null ? null : "%" + action + "%")
                .where("at >= ?", from).where("at < ?", to)
                .list(db, "id DESC", limit, rs -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
    }

    private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, cut(e.actor(), 255));
        ps.setString(3, cut(e.address(), 255));
        ps.setString(4, cut(e.action(), 255));
        ps.setString(5, cut(e.target(), 1024));
        ps.setInt(6, e.status());
        ps.setString(7, cut(e.detail(), MAX_TEXT));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        writer.close();
    }
}
