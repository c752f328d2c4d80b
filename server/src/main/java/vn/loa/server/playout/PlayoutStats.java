package vn.loa.server.playout;

import java.util.concurrent.atomic.LongAdder;
import vn.loa.server.metrics.Histogram;

/** Counters playout keeps for /metrics; written on the playout thread, read from anywhere. */
public final class PlayoutStats {
    /** MP3 frames handed to receiver connections, summed over receivers. */
    public final LongAdder framesSent = new LongAdder();
    /** Times a receiver fell behind and had audio skipped forward. */
    public final LongAdder laggedReceivers = new LongAdder();
    /** How late a session's first frame is planned against the instant it was asked for (schedules, "at"). */
    public final Histogram scheduleLateness = new Histogram("loa_schedule_lateness_seconds",
            "Planned first frame minus the requested instant, for sessions with one", 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1, 2.5, 5);
}
