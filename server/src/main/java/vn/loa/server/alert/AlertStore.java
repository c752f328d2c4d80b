package vn.loa.server.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;
import vn.loa.server.store.StoredJson;

/** The alert table. Every state change is a conditional UPDATE, so two officers cannot both move one alert. */
final class AlertStore {
    private static final String COLUMNS = "id, state, title, message, content, expires_at, created_by, created_at, "
            + "requested_by, confirmed_by, activated_at, ended_at, ended_by, session_id, test_session, correction_session";
    private final DataSource db;

    AlertStore(DataSource db) {
        this.db = db;
    }

    long insert(String title, String message, AlertContent content, Instant expiresAt, String by, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO alert (state, title, "
                + "message, content, expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Alert.DRAFT);
            ps.setString(2, title);
            ps.setString(3, message);
            ps.setString(4, StoredJson.write(content));
            ps.setTimestamp(5, Timestamp.from(expiresAt));
            ps.setString(6, by);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the alert: " + e.getMessage(), e);
        }
    }

    /** Moves the alert from {@code from} to {@code to}, setting one more column; false if it was not in {@code from}. */
    boolean move(long id, String from, String to, String column, Object value) {
        return Sql.update(db, "UPDATE alert SET state = ?, " + column + " = ? WHERE id = ? AND state = ?",
                to, value, id, from) > 0;
    }

    boolean activate(long id, String from, String confirmedBy, long session, Instant at) {
        return Sql.update(db, "UPDATE alert SET state = ?, confirmed_by = ?, session_id = ?, activated_at = ? "
                + "WHERE id = ? AND state = ?", Alert.ACTIVE, confirmedBy, session, at, id, from) > 0;
    }

    boolean end(long id, String from, String to, String by, Instant at) {
        return Sql.update(db, "UPDATE alert SET state = ?, ended_by = ?, ended_at = ? WHERE id = ? AND state = ?",
                to, by, at, id, from) > 0;
    }

    void set(long id, String column, Object value) {
        Sql.update(db, "UPDATE alert SET " + column + " = ? WHERE id = ?", value, id);
    }

    Optional<Alert> find(long id) {
        return select(id, null, 1).stream().findFirst();
    }

    List<Alert> list(String state, int limit) {
        return select(null, state, limit);
    }

    /** ACTIVE alerts airing session {@code session}: what a session event concerns. */
    List<Alert> activeWithSession(long session) {
        return select(null, Alert.ACTIVE, session, 100);
    }

    private List<Alert> select(Long id, String state, int limit) {
        return select(id, state, null, limit);
    }

    private List<Alert> select(Long id, String state, Long session, int limit) {
        return Sql.select("SELECT " + COLUMNS + " FROM alert").where("id = ?", id).where("state = ?", state)
                .where("session_id = ?", session)
                .list(db, "id DESC", limit, rs -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), StoredJson.read(rs.getString(5), AlertContent.class), Sql.instant(rs, 6),
                        rs.getString(7), Sql.instant(rs, 8), rs.getString(9), rs.getString(10), Sql.instant(rs, 11),
                        Sql.instant(rs, 12), rs.getString(13), rs.getObject(14, Long.class), rs.getObject(15, Long.class),
                        rs.getObject(16, Long.class)));
    }
}
