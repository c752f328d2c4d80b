package vn.loa.server.media.convert;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.media.MediaEntry;
import vn.loa.server.media.MediaLibrary;

/**
 * Measures the files already in the library (those present at start, or put there by hand) on one
 * background thread of low priority, so start never waits and uploads keep their conversion threads.
 * Files are measured, not changed: what an operator put in the folder stays as it is.
 */
public final class LibraryLoudness {
    private static final Logger log = LoggerFactory.getLogger(LibraryLoudness.class);
    private final MediaLibrary library;
    private final LoudnessStore store;
    private final LoudnessMeter meter;
    private final ConversionSettings settings;
    private volatile Thread worker;

    public LibraryLoudness(MediaLibrary library, LoudnessStore store, Ffmpeg ffmpeg, ConversionSettings settings) {
        this.library = library;
        this.store = store;
        this.meter = ffmpeg.available() ? new LoudnessMeter(ffmpeg, settings) : null;
        this.settings = settings;
    }

    /** Starts measuring what has no current loudness; returns at once. */
    public void start() {
        if (meter == null) {
            return;
        }
        Thread t = new Thread(this::measureAll, "media-loudness");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        worker = t;
        t.start();
    }

    private void measureAll() {
        Map<String, Loudness> known = store.current();
        int measured = 0;
        for (MediaEntry entry : library.entries()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!entry.accepted() || known.containsKey(entry.path())) {
                continue;
            }
            try {
                LoudnessMeter.Measured m = meter.measure(library.root().resolve(entry.path()), p -> { });
                store.put(entry.path(), new Loudness(m.integrated(), m.truePeak(), 0,
                        Loudness.near(m.integrated(), settings.targetLufs())));
                measured++;
            } catch (LoudnessMeter.Undecodable | Ffmpeg.Failed | RuntimeException e) {
                log.warn("Could not measure the loudness of {}: {}", entry.path(), e.getMessage());
            }
        }
        log.info("Measured the loudness of {} library files", measured);
    }

    public void close() {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }
}
