package vn.loa.server.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.text.TextRules;

/**
 * Creates, changes and deletes playlists for the API. The database row is the authoritative copy and is
 * committed first; the M3U8 file in the media folder follows, written to a temporary name and renamed
 * over the old one, so no reader ever sees half a playlist. If the process dies between the two, the
 * next start writes the file again from the row ({@link #restoreFiles}).
 */
public final class PlaylistEditor {
    private static final Logger log = LoggerFactory.getLogger(PlaylistEditor.class);
    /** A plain file name in the media folder's top level: letters (Vietnamese too), digits, space, . _ - */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}\\.m3u8");
    private static final int MAX_ITEMS = 500;
    private final MediaLibrary library;
    private final PlaylistStore store;
    private final Path folder;
    private final Clock clock;

    /** The edit cannot be made as asked; the message says why, for a 400. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /** Someone changed or created the playlist since the caller read it; for a 409. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    public PlaylistEditor(MediaLibrary library, PlaylistStore store, Path folder, Clock clock) {
        this.library = library;
        this.store = store;
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Creates or replaces {@code name}; {@code expectedVersion} 0 means "must not exist yet", null skips the check. */
    public synchronized StoredPlaylist save(String name, String title, List<StoredPlaylist.Item> items,
                                            Integer expectedVersion, String by) {
        checkName(name);
        if (store.find(name).isEmpty() && library.playlist(name).isPresent()) {
            throw new Conflict("playlist " + name + " is a file in the media folder, not made through the API; "
                    + "change or remove the file there, or choose another name");
        }
        checkItems(items);
        if (TextRules.problem("title", title, 200, false).isPresent()) {
            throw new Invalid("title must be one line of at most 200 characters, without control or bidi control characters");
        }
        StoredPlaylist wanted = new StoredPlaylist(name, title == null || title.isBlank() ? null : title.strip(), items,
                0, clock.instant(), by);
        StoredPlaylist saved = store.save(wanted, expectedVersion).orElseThrow(() -> new Conflict("playlist " + name
                + " was changed by someone else (now version " + store.find(name).map(StoredPlaylist::version).orElse(0)
                + ", you expected " + expectedVersion + "); reload it and try again"));
        writeFile(saved);
        library.rescan();
        return saved;
    }

    public synchronized boolean delete(String name) {
        checkName(name);
        if (!store.delete(name)) {
            return false;
        }
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("playlist " + name + " is deleted but its file could not be removed", e);
        }
        library.rescan();
        return true;
    }

    public Optional<StoredPlaylist> find(String name) {
        return store.find(name);
    }

    public List<StoredPlaylist> all() {
        return store.all();
    }

    /**
     * At start, after the first library scan (titles and lengths come from it), and when a file's title
     * changes: every stored playlist's file as the row says. Returns how many files had to be written,
     * so the caller knows to scan again.
     */
    public synchronized int restoreFiles() {
        int written = 0;
        for (StoredPlaylist p : store.all()) {
            Path file = folder.resolve(p.name());
            byte[] content = m3u8(p);
            try {
                if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
                    writeFile(p);
                    written++;
                    log.info("Playlist {} written again from the database and the library's titles", p.name());
                }
            } catch (IOException e) {
                log.error("Cannot restore playlist file {}: {}", file, e.getMessage());
            }
        }
        return written;
    }

    private void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Invalid("playlist name must be a file name ending in .m3u8 (letters, digits, space, . _ -; "
                    + "at most 106 characters, no folders), not '" + name + "'");
        }
        String unstorable = FileNames.unstorable(name);
        if (unstorable != null) {
            throw new Invalid(unstorable);
        }
    }

    private void checkItems(List<StoredPlaylist.Item> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new Invalid("items must list 1.." + MAX_ITEMS + " library files");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StoredPlaylist.Item item = items.get(i);
            String path = item == null ? null : item.path();
            Optional<MediaEntry> entry = path == null ? Optional.empty() : library.entry(path);
            if (entry.isEmpty()) {
                problems.add("items[" + i + "]: '" + path + "' is not in the media library");
            } else if (!entry.get().accepted()) {
                problems.add("items[" + i + "]: '" + path + "' was rejected: " + entry.get().reason());
            } else if (TextRules.problem("title", item.title(), 200, false).isPresent()) {
                problems.add("items[" + i + "]: title must be one line of at most 200 characters, without control or bidi control characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("; ", problems));
        }
    }

    private void writeFile(StoredPlaylist p) {
        Path target = folder.resolve(p.name());
        Path temp = folder.resolve("." + p.name() + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.write(temp, m3u8(p));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary name is skipped by scans and overwritten next time
            }
            throw new UncheckedIOException("playlist " + p.name() + " is stored but its file could not be written "
                    + "(it will be written again at the next start)", e);
        }
    }

    /** M3U8 with #PLAYLIST and #EXTINF lines, so other tools show the same titles and lengths. */
    private byte[] m3u8(StoredPlaylist p) {
        StringBuilder out = new StringBuilder("#EXTM3U\n");
        if (p.title() != null) {
            out.append("#PLAYLIST:").append(p.title()).append('\n');
        }
        for (StoredPlaylist.Item item : p.items()) {
            Optional<MediaEntry> entry = library.entry(item.path());
            long seconds = entry.map(MediaEntry::durationMs).map(ms -> Math.round(ms / 1000.0)).orElse(-1L);
            String title = item.title() != null ? item.title() : library.title(item.path());
            out.append("#EXTINF:").append(seconds).append(',').append(title).append('\n').append(item.path()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
