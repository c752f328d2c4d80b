package vn.loa.server.playout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;

/** Turns playout events into as-run entries with programme and item offsets. Engine thread only. */
final class AsRunWriter {
    private final AsRunLog log;
    private final Clock clock;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private static final long RELEASE_TIMEOUT_SECONDS = 5;
    /** While non-null, entries are kept here: see {@link #hold()}. */
    private List<AsRunEntry> held;
    /** Entries released and waiting for the audio to leave, and any written after them, in order. */
    private List<AsRunEntry> waiting;
    private final ScheduledExecutorService engine;

    /** @param engine the engine's thread, where everything here runs */
    AsRunWriter(AsRunLog log, Clock clock, ScheduledExecutorService engine) {
        this.log = log;
        this.clock = clock;
        this.engine = engine;
    }

    void write(String station, Broadcast b, String event, Integer frame, String reason) {
        Programme programme = b.plan().programme();
        Long offset = frame == null ? null : programme.offsetMillis(frame);
        String item = null;
        Long itemOffset = null;
        if (frame != null && frame < programme.totalFrames()) {
            item = programme.item(programme.itemAt(frame)).path();
            itemOffset = programme.itemOffsetMillis(frame);
        }
        AsRunEntry entry = new AsRunEntry(clock.instant(), station, b.id(), b.plan().title(),
                b.plan().priority().name(), event, offset, item, itemOffset, reason);
        if (held != null) {
            held.add(entry);
        } else if (waiting != null) {
            waiting.add(entry);
        } else {
            last = log.append(entry);
        }
    }

    /**
     * Keeps entries back until {@link #releaseAfter}: a session starting on ten thousand stations
     * records twenty thousand entries, and the database work of committing them, on a machine whose
     * cores are busy writing audio, is what the last receivers would otherwise wait behind.
     */
    void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /**
     * Ends the hold: the held entries, and any written after them meanwhile, go to the log in order once
     * {@code after} completes and the session's air time {@code notBeforeMicros} has come (at most a lead
     * away). Until that instant the first chunk is still on its way to the last receivers, and on shared
     * cores twenty thousand rows committed meanwhile would delay it. {@link #flushMarker()} covers them
     * from now on.
     */
    void releaseAfter(CompletableFuture<?> after, long notBeforeMicros) {
        List<AsRunEntry> entries = held;
        held = null;
        if (entries == null || entries.isEmpty()) {
            return;
        }
        if (waiting != null) {
            waiting.addAll(entries);
            return;
        }
        waiting = entries;
        CompletableFuture<Void> logged = new CompletableFuture<>();
        last = logged;
        after.orTimeout(RELEASE_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((v, e) -> {
            long wait = Math.min(Playback.LEAD_MICROS, Math.max(0, notBeforeMicros - PlayoutEngine.micros(clock)));
            try {
                engine.schedule(() -> appendWaiting(logged), wait, TimeUnit.MICROSECONDS);
            } catch (RejectedExecutionException stopping) {
                // The engine is stopping: nothing else writes now, so append from here rather than lose them.
                appendWaiting(logged);
            }
        });
    }

    private void appendWaiting(CompletableFuture<Void> logged) {
        List<AsRunEntry> entries = waiting;
        waiting = null;
        CompletableFuture<Void> committed = CompletableFuture.completedFuture(null);
        for (AsRunEntry e : entries) {
            committed = log.append(e);
        }
        committed.whenComplete((v, e) -> {
            if (e != null) {
                logged.completeExceptionally(e);
            } else {
                logged.complete(null);
            }
        });
    }

    /**
     * Completes once everything written so far is on disk (entries are fsynced in order). A disk failure
     * is logged by the log itself and does not fail the caller: the audio is already on air.
     */
    CompletableFuture<Void> flushMarker() {
        return last.exceptionally(e -> null);
    }
}
