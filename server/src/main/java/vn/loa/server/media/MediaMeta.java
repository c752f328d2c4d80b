package vn.loa.server.media;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.loa.server.store.Sql;

/**
 * The media_meta table: the title people gave a library file and the language it is spoken in. Kept by
 * path, apart from the scan's index, so re-judging or replacing a file keeps what people said about it.
 */
public final class MediaMeta {
    /** @param title null: the ID3 title or the file name; language: a BCP 47 tag, null when not said */
    public record Meta(String title, String language, String updatedBy, Instant updatedAt) {
    }

    private final DataSource db;

    public MediaMeta(DataSource db) {
        this.db = db;
    }

    public Map<String, Meta> all() {
        Map<String, Meta> out = new HashMap<>();
        Sql.select("SELECT path, title, language, updated_by, updated_at FROM media_meta")
                .list(db, "path", Integer.MAX_VALUE, rs -> {
                    out.put(rs.getString(1), new Meta(rs.getString(2), rs.getString(3), rs.getString(4),
                            Sql.instant(rs, 5)));
                    return null;
                });
        return out;
    }

    /** The titles people gave, by path. */
    public Map<String, String> titles() {
        Map<String, String> out = new HashMap<>();
        all().forEach((path, meta) -> {
            if (meta.title() != null) {
                out.put(path, meta.title());
            }
        });
        return out;
    }

    public Optional<Meta> find(String path) {
        return Sql.select("SELECT title, language, updated_by, updated_at FROM media_meta").where("path = ?", path)
                .list(db, "path", 1, rs -> new Meta(rs.getString(1), rs.getString(2), rs.getString(3),
                        Sql.instant(rs, 4))).stream().findFirst();
    }

    /** Stores the file's title and language; a row with neither is removed. */
    public void put(String path, Meta meta) {
        Sql.update(db, "DELETE FROM media_meta WHERE path = ?", path);
        if (meta.title() != null || meta.language() != null) {
            Sql.update(db, "INSERT INTO media_meta (path, title, language, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
                    path, meta.title(), meta.language(), meta.updatedBy(), meta.updatedAt());
        }
    }

    /** The file was renamed: what was said about it follows it. */
    public void move(String from, String to) {
        Sql.update(db, "DELETE FROM media_meta WHERE path = ?", to);
        Sql.update(db, "UPDATE media_meta SET path = ? WHERE path = ?", to, from);
    }

    public void remove(String path) {
        Sql.update(db, "DELETE FROM media_meta WHERE path = ?", path);
    }
}
