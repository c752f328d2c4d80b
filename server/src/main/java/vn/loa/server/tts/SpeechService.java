package vn.loa.server.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.server.config.TtsSettings;
import vn.loa.server.tts.normalise.Region;
import vn.loa.server.tts.normalise.VietnameseNormaliser;

/**
 * Text in, one WAV out, never on the caller's thread: the text is checked, normalised, cut at sentences,
 * the pieces spoken in parallel on a bounded pool and joined with ffmpeg there too. The futures are
 * chained, not waited on, so no pool thread sits waiting for another (no deadlock however small the
 * pool). A full queue is a refusal ({@code tts_busy}), not an ever-growing backlog.
 */
public final class SpeechService implements AutoCloseable {
    /** Pieces this long take espeak-ng well under a second; smaller ones would cost more in process starts. */
    static final int CHUNK_CHARS = 400;
    private final TtsEngine engine;
    private final VietnameseNormaliser normaliser;
    private final Ffmpeg ffmpeg;
    private final int maxChars;
    private final Path workDir;
    private final ThreadPoolExecutor pool;

    public SpeechService(TtsEngine engine, Region region, Ffmpeg ffmpeg, int threads, int maxChars, Path workDir) {
        this.engine = engine;
        this.normaliser = new VietnameseNormaliser(region);
        this.ffmpeg = ffmpeg;
        this.maxChars = maxChars;
        this.workDir = workDir;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "tts-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        WorkFiles.sweep(workDir);
    }

    public static SpeechService from(TtsSettings s, Path workDir) {
        return new SpeechService(Engines.from(s), Region.parse(s.region()), new Ffmpeg(s.ffmpegProgram(), s.timeout()),
                s.threadCount(), s.maxCharCount(), workDir);
    }

    public TtsEngine engine() {
        return engine;
    }

    public Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    public int maxChars() {
        return maxChars;
    }

    public Path workDir() {
        return workDir;
    }

    /** Where blocking work around speech (encoding, adding to the library) runs: the same bounded pool. */
    public Executor pool() {
        return this::execute;
    }

    /** The text as the engine will be given it. */
    public String normalise(String text) {
        return normaliser.normalise(text);
    }

    /**
     * Checks what can be checked at once (thrown as {@link SpeechRefused}), then speaks. The future ends
     * with a WAV in the work directory that the caller deletes, or with a {@link SpeechFailed}.
     */
    public CompletableFuture<Path> speak(String text, String voice, Double rate) {
        String chosen = SpeechRules.check(text, voice, rate, engine, maxChars);
        double factor = rate == null ? 1.0 : rate;
        List<String> chunks = SentenceChunks.split(normalise(text), CHUNK_CHARS);
        List<CompletableFuture<Path>> parts = new ArrayList<>();
        for (String chunk : chunks) {
            parts.add(CompletableFuture.supplyAsync(() -> WorkFiles.io(() -> engine.synthesize(chunk, chosen, factor, dirs())), pool()));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((v, failure) -> {
            List<Path> made = parts.stream().filter(p -> !p.isCompletedExceptionally()).map(CompletableFuture::join).toList();
            if (failure != null) {
                made.forEach(WorkFiles::delete);
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return made;
        }).thenApplyAsync(made -> {
            if (made.size() == 1) {
                return made.get(0).toString().endsWith(".wav") ? made.get(0) : joined(made);
            }
            return joined(made);
        }, pool());
    }

    private Path joined(List<Path> made) {
        try {
            return WorkFiles.io(() -> {
                Path out = Files.createTempFile(dirs(), "speech-", ".wav");
                try {
                    ffmpeg.join(made, out, workDir);
                    return out;
                } catch (IOException | RuntimeException e) {
                    WorkFiles.delete(out);
                    throw e;
                }
            });
        } finally {
            made.forEach(WorkFiles::delete);
        }
    }

    private void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            throw new SpeechFailed("tts_busy", "the speech queue is full; try again in a minute");
        }
    }

    private Path dirs() throws IOException {
        return Files.createDirectories(workDir);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
