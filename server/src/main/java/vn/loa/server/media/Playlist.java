package vn.loa.server.media;

import java.util.List;

/**
 * An M3U/M3U8 playlist: items in order, each with the title from its #EXTINF line if it had one.
 * {@code problems} lists entries that cannot be played (missing, rejected, outside the library).
 */
public record Playlist(String name, String title, List<Item> items, List<String> problems) {

    public record Item(String path, String title, Long declaredSeconds) {
    }

    public boolean playable() {
        return problems.isEmpty() && !items.isEmpty();
    }
}
