package vn.loa.server.media;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;
import vn.loa.server.store.StoredJson;

/** The playlist table: one row per API playlist, its items as a JSON array, a version for safe edits. */
public final class PlaylistStore {
    private static final TypeReference<List<StoredPlaylist.Item>> ITEMS = new TypeReference<>() {
    };
    private final DataSource db;

    public PlaylistStore(DataSource db) {
        this.db = db;
    }

    public List<StoredPlaylist> all() {
        return select(null, Integer.MAX_VALUE);
    }

    public Optional<StoredPlaylist> find(String name) {
        return select(name, 1).stream().findFirst();
    }

    private List<StoredPlaylist> select(String name, int limit) {
        return Sql.select("SELECT name, title, items, version, updated_at, updated_by FROM playlist")
                .where("name = ?", name)
                .list(db, "name", limit, rs -> new StoredPlaylist(rs.getString(1), rs.getString(2),
                        items(rs.getString(3)), rs.getInt(4), Sql.instant(rs, 5), rs.getString(6)));
    }

    /**
     * Inserts (version 1) or replaces the row, but only if the stored version is still {@code expected}
     * (null: no check). Returns the stored playlist, or empty when someone else changed it first.
     */
    Optional<StoredPlaylist> save(StoredPlaylist p, Integer expected) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Integer current = currentVersion(c, p.name());
                if (expected != null && !expected.equals(current == null ? 0 : current)) {
                    c.rollback();
                    return Optional.empty();
                }
                int version = current == null ? 1 : current + 1;
                String sql = current == null
                        ? "INSERT INTO playlist (title, items, version, updated_at, updated_by, name) VALUES (?, ?, ?, ?, ?, ?)"
                        : "UPDATE playlist SET title = ?, items = ?, version = ?, updated_at = ?, updated_by = ? WHERE name = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, p.title());
                    ps.setString(2, StoredJson.write(p.items()));
                    ps.setInt(3, version);
                    ps.setTimestamp(4, Timestamp.from(p.updatedAt()));
                    ps.setString(5, p.updatedBy());
                    ps.setString(6, p.name());
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(new StoredPlaylist(p.name(), p.title(), p.items(), version, p.updatedAt(), p.updatedBy()));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // A concurrent first insert of the same name lands here as a key violation: also "changed first".
            throw new StoreException("cannot store playlist " + p.name() + ": " + e.getMessage(), e);
        }
    }

    boolean delete(String name) {
        return Sql.update(db, "DELETE FROM playlist WHERE name = ?", name) > 0;
    }

    private static Integer currentVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM playlist WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static List<StoredPlaylist.Item> items(String json) {
        try {
            return new ArrayList<>(StoredJson.MAPPER.readValue(json, ITEMS));
        } catch (Exception e) {
            throw new StoreException("a stored playlist no longer reads: " + e.getMessage(), e);
        }
    }
}
