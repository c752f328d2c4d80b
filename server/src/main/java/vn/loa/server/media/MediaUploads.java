package vn.loa.server.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an uploaded MP3 into the library, judged exactly as the scan judges files. The bytes go to a
 * hidden temporary file in the media folder (same file system, so the final rename is atomic), are
 * judged there, and are renamed into place only when accepted; on any refusal or failure the
 * temporary file is removed, so a refused upload leaves nothing behind.
 */
public final class MediaUploads {
    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}\\.mp3");
    /** Uploads as they came, beside the station MP3s made of them; hidden, so never a library item. */
    public static final String ORIGINALS = ".originals";
    private final MediaLibrary library;
    private final Path folder;

    /** Why an upload was refused; {@code kind} picks the HTTP status. */
    public static final class Refused extends RuntimeException {
        public enum Kind { INVALID, EXISTS, NO_SPACE }

        private final Kind kind;
        private final String code;

        public Refused(Kind kind, String message) {
            this(kind, switch (kind) {
                case INVALID -> "invalid_file_name";
                case EXISTS -> "name_taken";
                case NO_SPACE -> "storage_full";
            }, message);
        }

        public Refused(Kind kind, String code, String message) {
            super(message);
            this.kind = kind;
            this.code = code;
        }

        /** Stable, for the console: {@code mp3_truncated}, {@code name_taken}, … */
        public String code() {
            return code;
        }

        public Kind kind() {
            return kind;
        }
    }

    /**
     * Whether a multipart Content-Type names its boundary: without one the body cannot be split, and the
     * decoder would fail deep inside instead of saying so.
     */
    public static boolean hasBoundary(String contentType) {
        if (contentType == null) {
            return false;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).replace("\"", "").strip();
                return !value.isEmpty() && value.length() <= 70;
            }
        }
        return false;
    }

    public MediaUploads(MediaLibrary library, Path folder) {
        this.library = library;
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Refuses a library name an upload may not take: not NAME, not storable here, or taken without replace. */
    public void requireFreeName(String name, boolean replace) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused(Refused.Kind.INVALID, "file name must end in .mp3 and use letters, digits, space, . _ - "
                    + "(at most 104 characters, no folders), not '" + name + "'");
        }
        String unstorable = FileNames.unstorable(name);
        if (unstorable != null) {
            throw new Refused(Refused.Kind.INVALID, unstorable);
        }
        if (Files.exists(folder.resolve(name)) && !replace) {
            throw new Refused(Refused.Kind.EXISTS, name + " is already in the library; add ?replace=true to replace it");
        }
    }

    /**
     * Puts a finished station MP3 (made in the conversion work folder) into the library under {@code name}, and
     * keeps the upload as it came in the hidden originals folder, where the scan does not list it.
     *
     * @param original null when the stored file is the upload itself
     */
    public synchronized MediaEntry place(Path finished, String name, boolean replace, Path original,
                                         String originalName) {
        requireFreeName(name, replace);
        try {
            MediaEntry verdict = library.judge(finished, name);
            if (!verdict.accepted()) {
                throw new Refused(Refused.Kind.INVALID, Mp3Refusals.code(verdict.reason()),
                        name + " was refused after conversion: " + verdict.reason());
            }
            if (original != null) {
                Path originals = Files.createDirectories(folder.resolve(ORIGINALS));
                Files.move(original, originals.resolve(originalName), StandardCopyOption.REPLACE_EXISTING);
            }
            // The work folder may be on another file system: the file comes over under a hidden name first,
            // so the library never sees half of it, and is renamed into place atomically.
            Path temp = folder.resolve(".upload-" + UUID.randomUUID() + ".tmp");
            try {
                Files.move(finished, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            library.rescan();
            log.info("Stored {} from {} ({} ms)", name, originalName, verdict.durationMs());
            return library.entry(name).orElse(verdict);
        } catch (IOException e) {
            throw new Refused(Refused.Kind.NO_SPACE, "could not store " + name + ": " + e.getMessage()
                    + " (nothing was kept)");
        }
    }

    public synchronized MediaEntry store(String name, byte[] bytes, boolean replace) {
        requireFreeName(name, replace);
        Path target = folder.resolve(name);
        Path temp = folder.resolve(".upload-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.write(temp, bytes);
            MediaEntry verdict = library.judge(temp, name);
            if (!verdict.accepted()) {
                throw new Refused(Refused.Kind.INVALID, Mp3Refusals.code(verdict.reason()), name + " was refused: " + verdict.reason());
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            library.rescan();
            log.info("Uploaded {} ({} bytes, {} ms)", name, bytes.length, verdict.durationMs());
            return library.entry(name).orElse(verdict);
        } catch (IOException e) {
            throw new Refused(Refused.Kind.NO_SPACE, "could not store " + name + ": " + e.getMessage()
                    + " (nothing was kept)");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("Could not remove the temporary upload {}: {}", temp, e.getMessage());
            }
        }
    }

    /**
     * Renames a library file within its folder to {@code newName} (the same rules as an upload's name);
     * returns its new library path. The caller has made sure nothing uses the old path.
     */
    public synchronized String rename(String path, String newName) {
        if (newName == null || !NAME.matcher(newName).matches()) {
            throw new Refused(Refused.Kind.INVALID, "the new name must end in .mp3 and use letters, digits, space, "
                    + ". _ - (at most 104 characters, no folders), not '" + newName + "'");
        }
        String unstorable = FileNames.unstorable(newName);
        if (unstorable != null) {
            throw new Refused(Refused.Kind.INVALID, unstorable);
        }
        int slash = path.lastIndexOf('/');
        String target = slash < 0 ? newName : path.substring(0, slash + 1) + newName;
        Path from = folder.resolve(path);
        Path to = folder.resolve(target);
        if (!Files.isRegularFile(from)) {
            throw new Refused(Refused.Kind.INVALID, path + " is not in the library");
        }
        if (target.equals(path)) {
            return path;
        }
        // A name differing only in case is the same file on some file systems: refused unless it is this one.
        if (Files.exists(to) && !target.equalsIgnoreCase(path)) {
            throw new Refused(Refused.Kind.EXISTS, target + " is already in the library; choose another name");
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Refused(Refused.Kind.NO_SPACE, "could not rename " + path + ": " + e.getMessage());
        }
        library.rescan();
        log.info("Renamed {} to {}", path, target);
        return target;
    }

    /** Removes a library file; the caller has made sure nothing uses it. */
    public synchronized void delete(String path) {
        Path file = folder.resolve(path);
        try {
            if (!Files.deleteIfExists(file)) {
                throw new Refused(Refused.Kind.INVALID, path + " is not in the library");
            }
        } catch (IOException e) {
            throw new Refused(Refused.Kind.NO_SPACE, "could not delete " + path + ": " + e.getMessage());
        }
        library.rescan();
        log.info("Deleted {}", path);
    }
}
