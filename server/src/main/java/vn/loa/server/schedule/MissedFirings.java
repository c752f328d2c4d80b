package vn.loa.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.SessionLauncher;

/**
 * Applies each entry's misfire policy to the firing it missed while the server was down, before Quartz
 * starts: at that moment a trigger's stored next fire time is still the missed slot (Quartz's own
 * misfire handling would overwrite it, and then skips what is left). A firing Quartz had already
 * consumed, ahead of its air time, but whose session was never journaled ({@link FiringMarks}) is
 * missed the same way. Every decision goes into the as-run log for the entry's stations.
 */
final class MissedFirings {
    /** A firing later than this is missed; Quartz's misfire threshold is set to the same. */
    static final Duration TOLERANCE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(MissedFirings.class);
    private final ScheduleStore store;
    private final BroadcastPlanner planner;
    private final SessionLauncher launcher;
    private final AsRunLog asRun;
    private final Clock clock;

    MissedFirings(ScheduleStore store, BroadcastPlanner planner, SessionLauncher launcher, AsRunLog asRun, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.launcher = launcher;
        this.asRun = asRun;
        this.clock = clock;
    }

    void recover(FiringMarks marks) throws Exception {
        Instant now = clock.instant();
        Map<Long, Instant> marked = store.armed();
        for (ScheduleEntry entry : store.all()) {
            Instant missed = marks.latestAirBefore(entry.id(), now.minus(TOLERANCE));
            Instant mark = marked.get(entry.id());
            if (mark != null && consumedUnjournaled(entry, mark, marks.nextAir(entry.id(), Instant.EPOCH))) {
                if (mark.isAfter(now.minus(TOLERANCE))) {
                    relaunch(entry, mark);
                } else if (missed == null || mark.isAfter(missed)) {
                    missed = mark;
                }
            }
            if (missed != null) {
                apply(entry, missed, now);
            }
            // Quartz skips the missed firings when it starts; the mark moves to the first it will fire.
            marks.markNext(entry.id(), now.minus(TOLERANCE));
        }
    }

    /**
     * Whether Quartz fired the entry for {@code mark} before the crash (its triggers no longer hold that
     * air time) while the session never reached the journal; one that did is session recovery's.
     */
    private boolean consumedUnjournaled(ScheduleEntry entry, Instant mark, Instant pending) {
        boolean consumed = pending == null || pending.isAfter(mark);
        return consumed && !launcher.launched(ScheduledBroadcastJob.origin(entry.id()), mark);
    }

    /** The server came back within the lead of a consumed firing: it still airs on time (or just after). */
    private void relaunch(ScheduleEntry entry, Instant airAt) throws Exception {
        BroadcastRequest request = ScheduledBroadcastJob.titled(entry);
        try {
            BroadcastPlan plan = planner.plan(request).placed(entry.sameClass().placement(), entry.sameClass().maxWait());
            long session = launcher.start(request, plan, airAt, ScheduledBroadcastJob.origin(entry.id()))
                    .get(30, TimeUnit.SECONDS);
            log.warn("Schedule {} fired for {} before the server stopped; armed again as session {}", entry.id(), airAt,
                    session);
        } catch (PlanException e) {
            log.error("Schedule {} fired for {} before the server stopped and cannot air: {}", entry.id(), airAt,
                    e.getMessage());
        }
    }

    private void apply(ScheduleEntry entry, Instant missed, Instant now) throws Exception {
        BroadcastPlan plan;
        BroadcastRequest request = ScheduledBroadcastJob.titled(entry);
        String origin = "schedule " + entry.id() + " (missed " + missed + ")";
        try {
            plan = planner.plan(request);
        } catch (PlanException e) {
            log.error("Schedule {} missed its firing at {} and cannot air: {}", entry.id(), missed, e.getMessage());
            return;
        }
        long lateMs = Duration.between(missed, now).toMillis();
        Misfire policy = entry.misfire();
        String due = "due " + missed + ", " + lateMs / 1000 + " s late";
        switch (policy.policy()) {
            case GRACE -> {
                if (lateMs <= policy.grace().toMillis()) {
                    long session = launcher.start(request, plan, null, origin).get(30, TimeUnit.SECONDS);
                    record(plan, session, AsRunEntry.LATE, null, "policy GRACE " + policy.graceMinutes() + " min: " + due);
                } else {
                    record(plan, 0, AsRunEntry.MISSED, null, "policy GRACE " + policy.graceMinutes() + " min exceeded: " + due);
                }
            }
            case JOIN -> {
                if (lateMs < plan.programme().durationMillis()) {
                    long session = launcher.start(request, plan, null, lateMs, origin).get(30, TimeUnit.SECONDS);
                    record(plan, session, AsRunEntry.JOINED, lateMs, "policy JOIN: " + due);
                } else {
                    record(plan, 0, AsRunEntry.MISSED, null, "policy JOIN, programme already over: " + due);
                }
            }
            case SKIP -> record(plan, 0, AsRunEntry.MISSED, null, "policy SKIP: " + due);
        }
        log.info("Schedule {} missed its firing at {}; policy {} applied", entry.id(), missed, policy.policy());
    }

    private void record(BroadcastPlan plan, long session, String event, Long offsetMs, String reason) throws Exception {
        for (String station : plan.stations()) {
            asRun.append(new AsRunEntry(clock.instant(), station, session, plan.title(), plan.priority().name(), event,
                    offsetMs, null, null, reason)).get(30, TimeUnit.SECONDS);
        }
    }
}
