package vn.loa.server.media.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaUploads;

/**
 * The way audio enters the library: any format a phone records in becomes a station MP3 at the target
 * loudness. Uploads are checked at once (name, format, whether ffmpeg is there) and then wait for one of
 * {@code media.conversionThreads} conversion threads; a full queue is refused at once (503) rather than
 * held. Without ffmpeg, MP3 is still taken as it is and everything else is refused {@code ffmpeg_missing}.
 */
public final class AudioIngest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioIngest.class);
    /** Extensions ffmpeg is asked to read: what phones, recorders and office software write. */
    public static final Set<String> FORMATS = Set.of("mp3", "m4a", "aac", "mp4", "amr", "3gp", "3ga", "wav", "flac",
            "ogg", "oga", "opus", "wma", "webm");
    private final Parts parts;
    private final ThreadPoolExecutor pool;
    private final Path workFolder;

    /** What every job uses; one record instead of eight arguments. */
    record Parts(MediaLibrary library, MediaUploads uploads, LibraryDoor door, LoudnessStore loudness,
                 ConversionSettings settings, Ffmpeg ffmpeg, LoudnessMeter meter, StationEncoder encoder,
                 ProgressSink sink) {
        void progress(String upload, double share) {
            sink.progress(upload, (int) Math.round(Math.min(1, Math.max(0, share)) * 100));
        }
    }

    /** Told how far a conversion is, 0..100, by the name it was uploaded under. */
    @FunctionalInterface
    public interface ProgressSink {
        void progress(String upload, int percent);
    }

    /** What the console shows about conversion: whether it is on, why not, and what it makes. */
    public record Status(boolean ffmpeg, String reason, StationFormat station, double targetLufs, double truePeakDbtp,
                         Set<String> formats) {
    }

    /** @param workFolder where uploads wait and conversions write (the data directory, not the library) */
    public AudioIngest(MediaLibrary library, MediaUploads uploads, LibraryDoor door, LoudnessStore loudness,
                       ConversionSettings settings, Ffmpeg ffmpeg, ProgressSink sink, Path workFolder) {
        this.workFolder = workFolder;
        LoudnessMeter meter = new LoudnessMeter(ffmpeg, settings);
        this.parts = new Parts(library, uploads, door, loudness, settings, ffmpeg, meter,
                new StationEncoder(ffmpeg, settings, meter), new ThrottledProgress(sink));
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.conversionThreads(), settings.conversionThreads(), 0,
                TimeUnit.SECONDS, settings.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue()), r -> {
                    Thread t = new Thread(r, "media-convert-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        if (!ffmpeg.available()) {
            log.warn("{}: only MP3 uploads are taken, without loudness normalisation", ffmpeg.missingReason());
        }
        clearWorkFolder();
    }

    /** Work files left by a conversion a stop cut short are worth nothing; the folder itself stays. */
    private void clearWorkFolder() {
        try (var leftovers = Files.list(Files.createDirectories(workFolder))) {
            leftovers.forEach(AudioIngest::deleteQuietly);
        } catch (IOException e) {
            log.warn("Cannot prepare the conversion work folder: {}", e.getMessage());
        }
    }

    public Status status() {
        ConversionSettings s = parts.settings();
        return new Status(parts.ffmpeg().available(), parts.ffmpeg().missingReason(), s.station(), s.targetLufs(),
                s.truePeakDbtp(), parts.ffmpeg().available() ? FORMATS : Set.of("mp3"));
    }

    /**
     * An upload: checked now, converted on a conversion thread; the future completes with the library entry
     * or fails with {@link MediaUploads.Refused}, {@link ConversionRefused} or the door's refusal.
     */
    public CompletableFuture<MediaEntry> submit(String name, byte[] bytes, Principal who, String area, boolean replace) {
        String extension = extension(name);
        if (!parts.ffmpeg().available()) {
            requireMp3(name, extension);
            return CompletableFuture.completedFuture(parts.door().enter(who, name, replace, area,
                    () -> parts.uploads().store(name, bytes, replace)));
        }
        IngestJob job = job(name, extension, who, area, replace, input -> Files.write(input, bytes));
        try {
            return CompletableFuture.supplyAsync(job::run, pool);
        } catch (RejectedExecutionException e) {
            deleteQuietly(job.input());
            throw ConversionRefused.busy(parts.settings().queue());
        }
    }

    /**
     * Adds an audio file to the library as an upload would, blocking until it is there; for services that
     * make audio themselves (text to speech), called from their own pool thread, never a network thread.
     * The source is copied, not moved, and its format read from its extension (else from libraryName's).
     *
     * @param libraryName the item's name; its extension is replaced by .mp3 (ban-tin.wav becomes ban-tin.mp3)
     */
    public MediaEntry ingest(Path source, String libraryName, Principal who) {
        return ingest(source, libraryName, who, null, false);
    }

    public MediaEntry ingest(Path source, String libraryName, Principal who, String area, boolean replace) {
        String sourceExtension = extension(source.getFileName().toString());
        String base = base(libraryName);
        String name = base + "." + (FORMATS.contains(sourceExtension) ? sourceExtension : extension(libraryName));
        if (!parts.ffmpeg().available()) {
            requireMp3(name, extension(name));
            try {
                byte[] bytes = Files.readAllBytes(source);
                return parts.door().enter(who, name, replace, area, () -> parts.uploads().store(name, bytes, replace));
            } catch (IOException e) {
                throw ConversionRefused.failed("cannot read " + source + ": " + e.getMessage());
            }
        }
        return job(name, extension(name), who, area, replace, input -> Files.copy(source, input)).run();
    }

    private interface Filler {
        void fill(Path input) throws IOException;
    }

    private IngestJob job(String name, String extension, Principal who, String area, boolean replace, Filler fill) {
        if (!FORMATS.contains(extension)) {
            throw new MediaUploads.Refused(MediaUploads.Refused.Kind.INVALID, "file name must end in one of ."
                    + String.join(", .", new java.util.TreeSet<>(FORMATS)) + ", not '" + name + "'");
        }
        String base = base(name);
        parts.uploads().requireFreeName(base + ".mp3", replace);
        try {
            Path input = Files.createDirectories(workFolder).resolve(UUID.randomUUID() + "." + extension);
            fill.fill(input);
            return new IngestJob(parts, name, base, extension, input, who, area, replace);
        } catch (IOException e) {
            throw new MediaUploads.Refused(MediaUploads.Refused.Kind.NO_SPACE, "could not store " + name + ": "
                    + e.getMessage() + " (nothing was kept)");
        }
    }

    private void requireMp3(String name, String extension) {
        if (!extension.equals("mp3") && FORMATS.contains(extension)) {
            throw ConversionRefused.ffmpegMissing(name, parts.ffmpeg().missingReason());
        }
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String base(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot <= 0 ? String.valueOf(name) : name.substring(0, dot);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not remove {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
