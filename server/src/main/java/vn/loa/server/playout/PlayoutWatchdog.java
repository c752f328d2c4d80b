package vn.loa.server.playout;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches that the playout thread keeps ticking. A playout thread that stops is silence on every
 * loudspeaker, and it was seen to stop for tens of seconds under benchmark load without a trace; when
 * a tick is late by more than {@link #LATE_MILLIS}, this logs where the thread stands, once per stall,
 * and how long the stall lasted once ticks resume. It only reads: it cannot unstick anything.
 */
final class PlayoutWatchdog implements AutoCloseable {
    static final long LATE_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PlayoutWatchdog.class);
    private final LongSupplier lastTickNanos;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "playout-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread playout;
    /** The stall being reported, by the time of the last tick before it. Touched only on the timer thread. */
    private boolean stalled;
    private long stalledSince;
    private int stalls;

    PlayoutWatchdog(LongSupplier lastTickNanos, LongSupplier nanoTime) {
        this.lastTickNanos = lastTickNanos;
        this.nanoTime = nanoTime;
    }

    /** Starts checking every quarter of {@link #LATE_MILLIS}; {@code thread} is the one whose stack to show. */
    void watch(Thread thread) {
        this.playout = thread;
        timer.scheduleWithFixedDelay(this::check, LATE_MILLIS / 4, LATE_MILLIS / 4, TimeUnit.MILLISECONDS);
    }

    /** One check; package-private so a test can drive it without waiting. */
    void check() {
        long last = lastTickNanos.getAsLong();
        long lateMillis = (nanoTime.getAsLong() - last) / 1_000_000;
        if (lateMillis > LATE_MILLIS) {
            if (!stalled || last != stalledSince) {
                stalled = true;
                stalledSince = last;
                stalls++;
                Thread t = playout;
                String stack = t == null ? "(thread unknown)" : Arrays.stream(t.getStackTrace())
                        .map(f -> "    at " + f).collect(Collectors.joining("\n"));
                log.error("Playout has not ticked for {} ms; no audio is going out. Playout thread ({}):\n{}",
                        lateMillis, t == null ? "?" : t.getState(), stack);
            }
        } else if (stalled) {
            stalled = false;
            log.warn("Playout ticks again after a stall of {} ms", (last - stalledSince) / 1_000_000);
        }
    }

    /** Stalls reported so far. */
    int stalls() {
        return stalls;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
