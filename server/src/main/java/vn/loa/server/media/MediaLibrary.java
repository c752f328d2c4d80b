package vn.loa.server.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme library under one folder (playlists/): every MP3 validated by walking its frames,
 * every M3U/M3U8 resolved against it. Nothing rejected here can reach a receiver, because broadcasts
 * take their audio only through {@link #load(String)}, which validates again.
 */
public final class MediaLibrary {
    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    /** Bulletins are minutes long; a file larger than this is a mistake and is not read into memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private final Path root;
    private final MediaIndex index;
    /** Parsed audio of recently played files, 64 MiB at most (about two hours at 64 kbit/s). */
    private final ParsedAudioCache parsed = new ParsedAudioCache(64L << 20);
    private volatile Map<String, MediaEntry> entries = Map.of();
    private volatile Map<String, Playlist> playlists = Map.of();
    /** The titles people gave files (media_meta), by path. */
    private volatile Map<String, String> givenTitles = Map.of();

    /** What one scan did: files read and judged now, verdicts taken from the index, index rows dropped. */
    public record ScanReport(int parsed, int fromIndex, int removed) {
    }

    /** A library that judges every file on every scan and remembers nothing. */
    public MediaLibrary(Path root) {
        this(root, null);
    }

    /** A library that keeps its verdicts in {@code index} and re-reads only files that changed. */
    public MediaLibrary(Path root, MediaIndex index) {
        this.root = root.toAbsolutePath().normalize();
        this.index = index;
    }

    /** Reads the folder again. Runs at start and on request, never on a network thread. */
    public synchronized ScanReport rescan() {
        Map<String, MediaEntry> found = new TreeMap<>();
        List<Path> lists = new ArrayList<>();
        Map<String, MediaIndex.Indexed> known = index == null ? Map.of() : index.load();
        List<MediaIndex.Indexed> changed = new ArrayList<>();
        int reused = 0;
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(Files::isRegularFile).filter(this::listed).sorted().toList()) {
                    String name = p.getFileName().toString().toLowerCase();
                    if (name.endsWith(".mp3")) {
                        long size = sizeOf(p);
                        long modified = modifiedOf(p);
                        MediaIndex.Indexed before = known.get(relative(p));
                        if (before != null && size >= 0 && before.sizeBytes() == size && before.modifiedMs() == modified) {
                            found.put(before.entry().path(), before.entry());
                            reused++;
                            continue;
                        }
                        MediaEntry e = inspect(p);
                        found.put(e.path(), e);
                        changed.add(new MediaIndex.Indexed(size, modified, e));
                    } else if (name.endsWith(".m3u") || name.endsWith(".m3u8")) {
                        lists.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scan " + root, e);
            }
        } else {
            log.warn("Media folder {} does not exist; the library is empty", root);
        }
        List<String> removed = known.keySet().stream().filter(path -> !found.containsKey(path)).toList();
        if (index != null && (!changed.isEmpty() || !removed.isEmpty())) {
            index.update(changed, removed, Instant.now());
        }
        entries = Map.copyOf(found);
        Map<String, Playlist> resolved = new TreeMap<>();
        for (Path p : lists) {
            Playlist pl = resolve(p);
            resolved.put(pl.name(), pl);
        }
        playlists = Map.copyOf(resolved);
        long rejected = found.values().stream().filter(e -> !e.accepted()).count();
        log.info("Media library {}: {} files accepted, {} rejected, {} playlists ({} read now, {} from the index)",
                root, found.size() - rejected, rejected, resolved.size(), changed.size(), reused);
        changed.stream().map(MediaIndex.Indexed::entry).filter(e -> !e.accepted())
                .forEach(e -> log.warn("Media file {} rejected: {}", e.path(), e.reason()));
        return new ScanReport(changed.size(), reused, removed.size());
    }

    /**
     * Whether a file belongs to the library: nothing under a hidden name or folder is an item (the
     * originals kept beside converted files, an upload on its way into place).
     */
    private boolean listed(Path file) {
        for (Path part : root.relativize(file.toAbsolutePath().normalize())) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** The folder the library reads. */
    public Path root() {
        return root;
    }

    /** Judges a file as the scan would, under the library path it is to have (for uploads and conversions). */
    public MediaEntry judge(Path file, String asPath) {
        return inspect(file, asPath);
    }

    private MediaEntry inspect(Path file) {
        return inspect(file, relative(file));
    }

    private MediaEntry inspect(Path file, String relative) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return MediaEntry.rejected(relative, size, "too large: " + size + " bytes, limit " + MAX_FILE_BYTES);
            }
            Mp3Audio audio = Mp3Parser.parse(Files.readAllBytes(file));
            return MediaEntry.accepted(relative, size, audio, TagReader.read(file.toFile()));
        } catch (MediaRejected e) {
            return MediaEntry.rejected(relative, sizeOf(file), e.getMessage());
        } catch (IOException e) {
            return MediaEntry.rejected(relative, sizeOf(file), "unreadable: " + e.getMessage());
        } catch (RuntimeException e) {
            // The parser is meant never to throw anything else; if it does, the file is refused, not the server.
            log.error("Unexpected failure reading {}", file, e);
            return MediaEntry.rejected(relative, sizeOf(file), "could not be read: " + e);
        }
    }

    private Playlist resolve(Path file) {
        String name = relative(file);
        Playlist raw;
        try {
            raw = PlaylistReader.read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            return new Playlist(name, null, List.of(), List.of("unreadable: " + e.getMessage()));
        }
        List<Playlist.Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>(raw.problems());
        for (Playlist.Item item : raw.items()) {
            Path target = file.getParent().resolve(item.path()).normalize();
            if (!target.startsWith(root)) {
                problems.add(item.path() + " lies outside the media folder");
                continue;
            }
            String path = relative(target);
            MediaEntry entry = entries.get(path);
            if (entry == null) {
                problems.add(item.path() + " does not exist");
            } else if (!entry.accepted()) {
                problems.add(item.path() + " was rejected: " + entry.reason());
            } else {
                items.add(new Playlist.Item(path, item.title() != null ? item.title() : title(path),
                        item.declaredSeconds()));
            }
        }
        return new Playlist(name, raw.title(), items, problems);
    }

    /**
     * The titles people gave files, used wherever a file is announced without a title of its own (a
     * playlist line without one, a broadcast of files). Playlists take them at the next scan.
     */
    public void giveTitles(Map<String, String> titles) {
        givenTitles = Map.copyOf(titles);
    }

    /** The title to announce a file by: the one people gave it, else its ID3 title, else its file name. */
    public String title(String path) {
        String given = givenTitles.get(path);
        if (given != null) {
            return given;
        }
        MediaEntry entry = entries.get(path);
        return entry != null ? entry.displayTitle() : path;
    }

    public Collection<MediaEntry> entries() {
        return entries.values();
    }

    public Optional<MediaEntry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public Collection<Playlist> playlists() {
        return playlists.values();
    }

    public Optional<Playlist> playlist(String name) {
        return Optional.ofNullable(playlists.get(name));
    }

    /**
     * The frames of an accepted file, validated as they are now: read and parsed again if the file
     * changed since it was last played, taken from memory if not.
     */
    public Mp3Audio load(String path) throws MediaRejected {
        MediaEntry entry = entries.get(path);
        if (entry == null) {
            throw new MediaRejected(path + " is not in the media library");
        }
        if (!entry.accepted()) {
            throw new MediaRejected(path + " was rejected: " + entry.reason());
        }
        try {
            return parsed.load(root.resolve(path));
        } catch (IOException e) {
            throw new MediaRejected(path + " cannot be read: " + e.getMessage());
        }
    }

    /** When the file last changed (uploaded or replaced); null when it cannot be read. */
    public Instant modified(String path) {
        long ms = modifiedOf(root.resolve(path));
        return ms < 0 ? null : Instant.ofEpochMilli(ms);
    }

    /** The file as stored, for previews: only accepted library files, never anything else on disk. */
    public byte[] bytes(String path) throws MediaRejected {
        MediaEntry entry = entries.get(path);
        if (entry == null || !entry.accepted()) {
            throw new MediaRejected(path + " is not a playable file of the library");
        }
        try {
            return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            throw new MediaRejected(path + " cannot be read: " + e.getMessage());
        }
    }

    private String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static long modifiedOf(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
