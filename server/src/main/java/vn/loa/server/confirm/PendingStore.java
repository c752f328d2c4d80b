package vn.loa.server.confirm;

import com.fasterxml.jackson.core.type.TypeReference;
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
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.schedule.ScheduleEntry;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;
import vn.loa.server.store.StoredJson;

/** The pending_confirmation table; the request is kept as the JSON of its records. */
final class PendingStore {
    private static final String COLUMNS = "id, kind, state, title, station_count, communes, requested_by, requested_at, "
            + "expires_at, decided_by, decided_at, result_id, replaces, broadcast, schedule, allow_conflicts";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private final DataSource db;

    PendingStore(DataSource db) {
        this.db = db;
    }

    /** Stores a new request (its id and decision fields are ignored) and returns its id. */
    long insert(Pending p) {
        String sql = "INSERT INTO pending_confirmation (kind, state, title, station_count, communes, requested_by, "
                + "requested_at, expires_at, replaces, broadcast, schedule, allow_conflicts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, p.kind().name());
            ps.setString(2, Pending.AWAITING);
            ps.setString(3, p.title());
            ps.setInt(4, p.stations());
            ps.setString(5, StoredJson.write(p.communes()));
            ps.setString(6, p.requestedBy());
            ps.setTimestamp(7, Timestamp.from(p.requestedAt()));
            ps.setTimestamp(8, Timestamp.from(p.expiresAt()));
            Sql.setLong(ps, 9, p.replaces());
            ps.setString(10, StoredJson.write(p.broadcast()));
            ps.setString(11, p.schedule() == null ? null : StoredJson.write(p.schedule()));
            ps.setBoolean(12, p.allowConflicts());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the request for confirmation: " + e.getMessage(), e);
        }
    }

    Optional<Pending> find(long id) {
        return Sql.select("SELECT " + COLUMNS + " FROM pending_confirmation").where("id = ?", id)
                .list(db, "id", 1, PendingStore::row).stream().findFirst();
    }

    /** Newest first; {@code state} null for every state. */
    List<Pending> list(String state, int limit) {
        return Sql.select("SELECT " + COLUMNS + " FROM pending_confirmation").where("state = ?", state)
                .list(db, "id DESC", limit, PendingStore::row);
    }

    /** Moves an awaiting request to {@code to}; false when someone else decided it first. */
    boolean decide(long id, String to, String by, Instant at) {
        return Sql.update(db, "UPDATE pending_confirmation SET state = ?, decided_by = ?, decided_at = ? "
                + "WHERE id = ? AND state = ?", to, by, at, id, Pending.AWAITING) == 1;
    }

    /** Undoes a confirmation whose broadcast or entry could not be made, so it can be tried again or rejected. */
    void reopen(long id) {
        Sql.update(db, "UPDATE pending_confirmation SET state = ?, decided_by = NULL, decided_at = NULL WHERE id = ?",
                Pending.AWAITING, id);
    }

    void result(long id, long result) {
        Sql.update(db, "UPDATE pending_confirmation SET result_id = ? WHERE id = ?", result, id);
    }

    private static Pending row(ResultSet rs) throws SQLException {
        long result = rs.getLong(12);
        Long resultId = rs.wasNull() ? null : result;
        long replaces = rs.getLong(13);
        Long replacesId = rs.wasNull() ? null : replaces;
        String schedule = rs.getString(15);
        return new Pending(rs.getLong(1), Pending.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getInt(5), read(rs.getString(6)), rs.getString(7), Sql.instant(rs, 8), Sql.instant(rs, 9),
                rs.getString(10), Sql.instant(rs, 11), resultId, replacesId,
                StoredJson.read(rs.getString(14), BroadcastRequest.class),
                schedule == null ? null : StoredJson.read(schedule, ScheduleEntry.class), rs.getBoolean(16));
    }

    private static List<String> read(String json) {
        try {
            return StoredJson.MAPPER.readValue(json, NAMES);
        } catch (Exception e) {
            throw new StoreException("a stored commune list no longer reads: " + e.getMessage(), e);
        }
    }
}
