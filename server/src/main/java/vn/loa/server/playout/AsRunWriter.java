package vn.loa.server.playout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;

/** Turns playout events into as-run entries with programme and item offsets. Engine thread only. */
final class AsRunWriter {
    private final AsRunLog log;
    private final Clock clock;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    /** While non-null, entries wait here: see {@link #hold()}. */
    private List<AsRunEntry> held;

    AsRunWriter(AsRunLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
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
        } else {
            last = log.append(entry);
        }
    }

    /**
     * Keeps entries back until {@link #release()}: a session starting on ten thousand stations records
     * twenty thousand entries, and handing them to the log after the first audio has left keeps that
     * work off the path between the request and the first frame at the last receiver.
     */
    void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    void release() {
        List<AsRunEntry> entries = held;
        held = null;
        if (entries != null) {
            entries.forEach(e -> last = log.append(e));
        }
    }

    /**
     * Completes once everything written so far is on disk (entries are fsynced in order). A disk failure
     * is logged by the log itself and does not fail the caller: the audio is already on air.
     */
    CompletableFuture<Void> flushMarker() {
        return last.exceptionally(e -> null);
    }
}
