package vn.loa.server.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.server.playout.SessionEvent;
import vn.loa.server.playout.SessionEvents;

/**
 * Session events counted by kind for /metrics: how many sessions started, were preempted, came back
 * after a restart. Counting only, so it runs on the publisher's thread and never waits.
 */
public final class SessionCounts {
    private final Map<String, LongAdder> counts = new TreeMap<>();

    public SessionCounts(SessionEvents events) {
        for (String kind : new String[] {"held", "started", "preempted", "resumed", "ended", "cancelled", "recovered",
                "not_recovered"}) {
            counts.put(kind, new LongAdder());
        }
        events.subscribe("metrics", Runnable::run, this::count);
    }

    private void count(SessionEvent event) {
        String kind = event instanceof SessionEvent.Held ? "held"
                : event instanceof SessionEvent.Started ? "started"
                : event instanceof SessionEvent.Preempted ? "preempted"
                : event instanceof SessionEvent.Resumed ? "resumed"
                : event instanceof SessionEvent.Ended e ? (e.cancelled() ? "cancelled" : "ended")
                : event instanceof SessionEvent.RecoveredAs ? "recovered"
                : event instanceof SessionEvent.NotRecovered ? "not_recovered"
                : null; // StationPlaying: per-station detail, counted as starts and ends already
        if (kind != null) {
            counts.get(kind).increment();
        }
    }

    /** Events so far by kind; the map is the caller's. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }
}
