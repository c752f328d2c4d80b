package vn.loa.server.media;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;
import vn.loa.server.store.StoreException;

/**
 * The library's verdicts in the media_file table, keyed by path with the size and modification time
 * they were made for. A scan trusts a row only while both still match, so a restart with a large
 * library reads only what changed; playout validates every file again when it loads it anyway. A row
 * made by older MP3 rules ({@link Mp3Parser#RULES_VERSION}) is loaded as stale, so the file is judged again.
 */
public final class MediaIndex {
    /** A stored verdict and the file state it was made for. */
    public record Indexed(long sizeBytes, long modifiedMs, MediaEntry entry) {
    }

    private static final String COLUMNS = "path, size_bytes, modified_ms, accepted, reason, duration_ms, mpeg_version, "
            + "sample_rate, channels, bitrate, vbr, title, artist, warnings, indexed_at, rules_version";
    /** A size no file has: the scan sees a stale row as a changed file and judges it again. */
    private static final long STALE = -1;
    private final DataSource db;

    public MediaIndex(DataSource db) {
        this.db = db;
    }

    public Map<String, Indexed> load() {
        Map<String, Indexed> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM media_file");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String warnings = rs.getString(14);
                MediaEntry e = new MediaEntry(rs.getString(1), rs.getBoolean(4), rs.getString(5), rs.getLong(2),
                        rs.getObject(6, Long.class), rs.getString(7), rs.getObject(8, Integer.class),
                        rs.getObject(9, Integer.class), rs.getObject(10, Long.class), rs.getObject(11, Boolean.class),
                        rs.getString(12), rs.getString(13),
                        warnings == null || warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("\n")));
                boolean current = rs.getInt(16) == Mp3Parser.RULES_VERSION;
                out.put(e.path(), new Indexed(current ? rs.getLong(2) : STALE, rs.getLong(3), e));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the media index: " + e.getMessage(), e);
        }
    }

    /** Replaces the rows of changed files and deletes those of vanished ones, in one transaction. */
    public void update(Collection<Indexed> changed, Collection<String> removed, Instant now) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM media_file WHERE path = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO media_file (" + COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String path : removed) {
                    delete.setString(1, path);
                    delete.addBatch();
                }
                for (Indexed i : changed) {
                    delete.setString(1, i.entry().path());
                    delete.addBatch();
                    bind(insert, i, now);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot update the media index: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void bind(PreparedStatement ps, Indexed i, Instant now) throws SQLException {
        MediaEntry e = i.entry();
        ps.setString(1, e.path());
        ps.setLong(2, i.sizeBytes());
        ps.setLong(3, i.modifiedMs());
        ps.setBoolean(4, e.accepted());
        ps.setString(5, cut(e.reason(), 2048));
        Sql.setLong(ps, 6, e.durationMs());
        ps.setString(7, e.mpegVersion());
        Sql.setInt(ps, 8, e.sampleRate());
        Sql.setInt(ps, 9, e.channels());
        Sql.setLong(ps, 10, e.bitrate());
        if (e.vbr() == null) {
            ps.setNull(11, java.sql.Types.BOOLEAN);
        } else {
            ps.setBoolean(11, e.vbr());
        }
        ps.setString(12, cut(e.title(), 1024));
        ps.setString(13, cut(e.artist(), 1024));
        ps.setString(14, cut(String.join("\n", e.warnings()), 4096));
        ps.setTimestamp(15, Timestamp.from(now));
        ps.setInt(16, Mp3Parser.RULES_VERSION);
    }
}
