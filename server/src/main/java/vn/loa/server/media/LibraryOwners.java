package vn.loa.server.media;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;

/**
 * The library_owner table: which area an uploaded file or an API playlist belongs to. A null area is
 * the root; an item with no row belongs to the root as well (files shipped in the media folder).
 */
public final class LibraryOwners {
    /** The two kinds of library item that can be changed through the API. */
    public enum Kind { MEDIA, PLAYLIST }

    /** @param area null for the root */
    public record Owner(String area, String claimedBy, Instant claimedAt) {
    }

    private final DataSource db;

    public LibraryOwners(DataSource db) {
        this.db = db;
    }

    public Optional<Owner> find(Kind kind, String name) {
        return Sql.select("SELECT area, claimed_by, claimed_at FROM library_owner").where("kind = ?", kind.name())
                .where("name = ?", name).list(db, "name", 1, rs -> new Owner(rs.getString(1), rs.getString(2),
                        Sql.instant(rs, 3))).stream().findFirst();
    }

    /** Every item of a kind that has an owner row, by name, to its area (null for the root). */
    public Map<String, String> areas(Kind kind) {
        Map<String, String> out = new HashMap<>();
        Sql.select("SELECT name, area FROM library_owner").where("kind = ?", kind.name())
                .list(db, "name", Integer.MAX_VALUE, rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                    return null;
                });
        return out;
    }

    /** Records who a new item belongs to, replacing a row left by an item of the same name that is gone. */
    public void claim(Kind kind, String name, String area, String by, Instant at) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM library_owner WHERE kind = ? AND name = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO library_owner (kind, name, area, claimed_by, "
                         + "claimed_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, kind.name());
                delete.setString(2, name);
                delete.executeUpdate();
                insert.setString(1, kind.name());
                insert.setString(2, name);
                insert.setString(3, area);
                insert.setString(4, by);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record who " + name + " belongs to: " + e.getMessage(), e);
        }
    }

    public void release(Kind kind, String name) {
        Sql.update(db, "DELETE FROM library_owner WHERE kind = ? AND name = ?", kind.name(), name);
    }

    /** The item was renamed: its owner row follows it. */
    public void rename(Kind kind, String from, String to) {
        Sql.update(db, "DELETE FROM library_owner WHERE kind = ? AND name = ?", kind.name(), to);
        Sql.update(db, "UPDATE library_owner SET name = ? WHERE kind = ? AND name = ?", to, kind.name(), from);
    }
}
