package vn.loa.server.media;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.loa.server.text.TextRules;

/**
 * Changes to a library file after it is uploaded: its title and language (media_meta), its name, its
 * removal. None may leave a playlist or a schedule pointing at a file that is gone, so a file in use
 * is neither renamed nor deleted ({@link InUse} names who uses it). A new title is what the file is
 * announced by from then on: the library is told, and API playlists' files are written again.
 * Who may change which file is the caller's to check (LibraryGuard); this class keeps the library whole.
 */
public final class MediaEdits {
    /** A BCP 47 language tag in lower case: vi, bdq, sed, sed-x-cadong. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}");
    private final MediaLibrary library;
    private final MediaUploads files;
    private final MediaMeta meta;
    private final Function<String, List<Long>> schedulesUsing;
    private final Runnable rewritePlaylists;
    private final Clock clock;

    /** The file is used by these playlists and schedules, so it cannot be renamed or deleted now. */
    public static final class InUse extends RuntimeException {
        private final transient List<String> playlists;
        private final transient List<Long> schedules;

        InUse(String path, List<String> playlists, List<Long> schedules) {
            super(path + " is used by playlist(s) " + playlists + " and schedule(s) " + schedules
                    + "; take it out of them first", null, false, false);
            this.playlists = playlists;
            this.schedules = schedules;
        }

        public List<String> playlists() {
            return playlists;
        }

        public List<Long> schedules() {
            return schedules;
        }
    }

    /** The change cannot be made as asked; {@code code} says which field is wrong. */
    public static final class Invalid extends RuntimeException {
        private final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * What to change; a field that is not {@code given} stays as it is. A null title or language goes
     * back to the default (the ID3 title or the file name; not said); a null name keeps the name.
     */
    public record Change(boolean titleGiven, String title, boolean languageGiven, String language, String name) {
    }

    /**
     * @param schedulesUsing   the schedules whose programme names a file directly (not through a playlist)
     * @param rewritePlaylists writes the API playlists' M3U8 files again, so a new title reaches their lines
     */
    public MediaEdits(MediaLibrary library, MediaUploads files, MediaMeta meta, Function<String, List<Long>> schedulesUsing,
                      Runnable rewritePlaylists, Clock clock) {
        this.library = library;
        this.files = files;
        this.meta = meta;
        this.schedulesUsing = schedulesUsing;
        this.rewritePlaylists = rewritePlaylists;
        this.clock = clock;
        library.giveTitles(meta.titles());
    }

    /** Checks the fields before anything is touched. */
    public static void check(Change change) {
        if (change.title() != null && TextRules.problem("title", change.title(), 200, false).isPresent()) {
            throw new Invalid("media_title_invalid",
                    "title must be one line of at most 200 characters, without control or bidi control characters");
        }
        if (change.language() != null && !LANGUAGE.matcher(change.language()).matches()) {
            throw new Invalid("media_language_invalid", "language must be a lower-case language tag such as vi, bdq "
                    + "or sed-x-cadong, not '" + change.language() + "'");
        }
    }

    /** Makes the change; returns the file's path afterwards (new when renamed), or empty when it is not there. */
    public synchronized Optional<String> change(String path, Change change, String by) {
        check(change);
        if (library.entry(path).isEmpty()) {
            return Optional.empty();
        }
        String now = path;
        if (change.name() != null && !change.name().equals(path.substring(path.lastIndexOf('/') + 1))) {
            requireUnused(path);
            now = files.rename(path, change.name());
            meta.move(path, now);
        }
        if (change.titleGiven() || change.languageGiven()) {
            MediaMeta.Meta before = meta.find(now).orElse(null);
            meta.put(now, new MediaMeta.Meta(
                    change.titleGiven() ? change.title() : before == null ? null : before.title(),
                    change.languageGiven() ? change.language() : before == null ? null : before.language(),
                    by, clock.instant()));
        }
        library.giveTitles(meta.titles());
        rewritePlaylists.run();
        library.rescan();
        return Optional.of(now);
    }

    /** Deletes the file; false when it is not there. */
    public synchronized boolean delete(String path) {
        if (library.entry(path).isEmpty()) {
            return false;
        }
        requireUnused(path);
        files.delete(path);
        meta.remove(path);
        library.giveTitles(meta.titles());
        return true;
    }

    public Optional<MediaMeta.Meta> meta(String path) {
        return meta.find(path);
    }

    /** Refuses to take away a file a playlist or a schedule still plays. */
    private void requireUnused(String path) {
        List<String> playlists = library.playlists().stream()
                .filter(p -> p.items().stream().map(Playlist.Item::path).anyMatch(path::equals))
                .map(Playlist::name).sorted().toList();
        List<Long> schedules = schedulesUsing.apply(path);
        if (!playlists.isEmpty() || !schedules.isEmpty()) {
            throw new InUse(path, playlists, schedules);
        }
    }
}
