package vn.loa.server.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.store.StoredJson;

/** The schedule table. The broadcast and recurrence are stored as JSON documents of their records. */
final class ScheduleStore {
    private static final ObjectMapper JSON = StoredJson.MAPPER;
    private static final String COLUMNS =
            "id, title, broadcast, recurrence, time_zone, valid_from, valid_until, misfire, same_class, created_at";
    private final DataSource db;

    ScheduleStore(DataSource db) {
        this.db = db;
    }

    ScheduleEntry insert(ScheduleEntry e) throws SQLException {
        String sql = "INSERT INTO schedule (title, broadcast, recurrence, time_zone, valid_from, valid_until, misfire, "
                + "same_class, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindEditable(ps, e);
            ps.setTimestamp(9, timestamp(e.createdAt()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return e.withId(keys.getLong(1));
            }
        }
    }

    Optional<ScheduleEntry> find(long id) throws SQLException {
        List<ScheduleEntry> found = select(" WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<ScheduleEntry> all() throws SQLException {
        return select(" ORDER BY id", null);
    }

    void update(ScheduleEntry e) throws SQLException {
        String sql = "UPDATE schedule SET title = ?, broadcast = ?, recurrence = ?, time_zone = ?, valid_from = ?, "
                + "valid_until = ?, misfire = ?, same_class = ? WHERE id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindEditable(ps, e);
            ps.setLong(9, e.id());
            ps.executeUpdate();
        }
    }

    /** Parameters 1-8: the columns an operator sets, in the same order for INSERT and UPDATE. */
    private static void bindEditable(PreparedStatement ps, ScheduleEntry e) throws SQLException {
        ps.setString(1, e.title());
        ps.setString(2, json(e.broadcast()));
        ps.setString(3, json(e.recurrence()));
        ps.setString(4, e.timeZone());
        ps.setTimestamp(5, timestamp(e.validFrom()));
        ps.setTimestamp(6, timestamp(e.validUntil()));
        ps.setString(7, json(e.misfire()));
        ps.setString(8, json(e.sameClass()));
    }

    boolean delete(long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM schedule WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sets the entry's mark (see FiringMarks) to {@code airAt}. */
    void arm(long id, Instant airAt) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM schedule_armed WHERE schedule_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO schedule_armed (schedule_id, air_at) VALUES (?, ?)")) {
                del.setLong(1, id);
                del.executeUpdate();
                ins.setLong(1, id);
                ins.setTimestamp(2, timestamp(airAt));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    void disarm(long id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM schedule_armed WHERE schedule_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Every entry's mark, by entry id. */
    Map<Long, Instant> armed() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT schedule_id, air_at FROM schedule_armed");
             ResultSet rs = ps.executeQuery()) {
            Map<Long, Instant> out = new HashMap<>();
            while (rs.next()) {
                out.put(rs.getLong(1), instant(rs.getTimestamp(2)));
            }
            return out;
        }
    }

    private List<ScheduleEntry> select(String where, Long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM schedule" + where)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<ScheduleEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScheduleEntry(rs.getLong(1), rs.getString(2),
                            JSON.readValue(rs.getString(3), BroadcastRequest.class),
                            JSON.readValue(rs.getString(4), Recurrence.class), rs.getString(5), instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)), JSON.readValue(rs.getString(8), Misfire.class),
                            JSON.readValue(rs.getString(9), SameClass.class), instant(rs.getTimestamp(10))));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("a stored schedule no longer reads: " + e.getOriginalMessage(), e);
            }
            return out;
        }
    }

    private static String json(Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot store schedule: " + e.getOriginalMessage(), e);
        }
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
