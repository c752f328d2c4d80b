package vn.loa.server.media;

import java.time.Instant;
import java.util.List;

/**
 * A playlist made through the API, as the database keeps it.
 *
 * @param version   starts at 1 and grows with every change, so two editors cannot overwrite each other unseen
 * @param updatedBy who last changed it
 */
public record StoredPlaylist(String name, String title, List<Item> items, int version, Instant updatedAt,
                             String updatedBy) {

    /** One entry: a library path and, optionally, the title to announce instead of the file's own. */
    public record Item(String path, String title) {
    }

    public StoredPlaylist {
        items = List.copyOf(items);
    }
}
