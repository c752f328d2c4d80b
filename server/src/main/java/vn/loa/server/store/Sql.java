package vn.loa.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A query whose filters are optional: each {@code where} with a null value is left out, so one method
 * serves every combination the API allows without building SQL from user text.
 */
public final class Sql {
    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final StringBuilder text;
    private final List<Object> args = new ArrayList<>();
    private boolean hasWhere;

    private Sql(String select) {
        this.text = new StringBuilder(select);
    }

    public static Sql select(String select) {
        return new Sql(select);
    }

    /** Adds {@code condition} (with one ? placeholder) unless the value is null. */
    public Sql where(String condition, Object value) {
        if (value == null) {
            return this;
        }
        text.append(hasWhere ? " AND " : " WHERE ").append(condition);
        hasWhere = true;
        args.add(value instanceof Instant i ? Timestamp.from(i) : value);
        return this;
    }

    public <T> List<T> list(DataSource db, String orderBy, int limit, Row<T> row) {
        String sql = text + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY";
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < all.size(); i++) {
                ps.setObject(i + 1, all.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE in its own transaction; returns the rows it touched. */
    public static int update(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof Instant t ? Timestamp.from(t) : args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed: " + e.getMessage(), e);
        }
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
