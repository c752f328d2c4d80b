package vn.loa.server.media.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;

/**
 * The media_loudness table. A row holds for the file state it was measured at (size and modification
 * time); a file replaced or changed since has no loudness until it is measured again.
 */
public final class LoudnessStore {
    private final DataSource db;
    private final Path root;
    private final Clock clock;

    private record Row(long size, long modifiedMs, Loudness loudness) {
    }

    public LoudnessStore(DataSource db, Path root, Clock clock) {
        this.db = db;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The loudness of every file whose row still matches it, by library path. */
    public Map<String, Loudness> current() {
        Map<String, Loudness> out = new HashMap<>();
        rows().forEach((path, row) -> {
            if (matches(path, row)) {
                out.put(path, row.loudness());
            }
        });
        return out;
    }

    public Loudness find(String path) {
        return current().get(path);
    }

    /** Records the loudness of the file as it is on disk now. */
    public void put(String path, Loudness loudness) {
        Path file = root.resolve(path);
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return; // gone already: nothing to say about it
        }
        Sql.update(db, "DELETE FROM media_loudness WHERE path = ?", path);
        Sql.update(db, "INSERT INTO media_loudness (path, size_bytes, modified_ms, integrated_lufs, true_peak_dbtp, "
                        + "gain_db, normalised, measured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", path, size, modified,
                loudness.integratedLufs(), loudness.truePeakDbtp(), loudness.gainDb(), loudness.normalised(),
                clock.instant());
    }

    private Map<String, Row> rows() {
        Map<String, Row> out = new HashMap<>();
        Sql.select("SELECT path, size_bytes, modified_ms, integrated_lufs, true_peak_dbtp, gain_db, normalised "
                + "FROM media_loudness").list(db, "path", Integer.MAX_VALUE, rs -> {
                    out.put(rs.getString(1), new Row(rs.getLong(2), rs.getLong(3), new Loudness(
                            rs.getObject(4) == null ? null : rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                            rs.getBoolean(7))));
                    return null;
                });
        return out;
    }

    private boolean matches(String path, Row row) {
        Path file = root.resolve(path);
        try {
            return Files.size(file) == row.size() && Files.getLastModifiedTime(file).toMillis() == row.modifiedMs();
        } catch (IOException e) {
            return false;
        }
    }
}
