package vn.loa.server.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.broadcast.SessionLauncher;

/**
 * What a schedule entry does when Quartz fires it: read the entry, plan it with the same rules as a
 * broadcast started by hand, and put it on air. Runs on Quartz's worker threads, never on the network.
 */
final class ScheduledBroadcastJob implements Job {
    static final String ENTRY_ID = "scheduleId";
    /** On each trigger: how long before the air time it fires. */
    static final String LEAD_MS = "leadMs";
    private static final Logger log = LoggerFactory.getLogger(ScheduledBroadcastJob.class);
    private final ScheduleStore store;
    private final BroadcastPlanner planner;
    private final SessionLauncher launcher;
    private final QuietHoursGuard quiet;
    private final AsRunLog asRun;
    private final Clock clock;
    private final FiringMarks marks;

    ScheduledBroadcastJob(ScheduleStore store, BroadcastPlanner planner, SessionLauncher launcher, QuietHoursGuard quiet,
                          AsRunLog asRun, Clock clock, FiringMarks marks) {
        this.store = store;
        this.marks = marks;
        this.planner = planner;
        this.launcher = launcher;
        this.quiet = quiet;
        this.asRun = asRun;
        this.clock = clock;
    }

    /** Leaves out stations whose quiet hours contain the air time, recording why; null if none is left. */
    private BroadcastPlan withoutQuietStations(BroadcastPlan plan, Instant airTime) throws Exception {
        Set<String> silent = quiet.quietAt(plan, airTime);
        for (String station : silent) {
            asRun.append(new AsRunEntry(clock.instant(), station, 0, plan.title(), plan.priority().name(),
                    AsRunEntry.QUIET, null, null, null, "air time " + airTime + " is in the station's quiet hours")).get();
        }
        Set<String> rest = new HashSet<>(plan.stations());
        rest.removeAll(silent);
        if (rest.isEmpty()) {
            log.info("Schedule '{}' at {}: every station is in its quiet hours; not aired", plan.title(), airTime);
            return null;
        }
        return silent.isEmpty() ? plan : plan.onlyOn(rest);
    }

    /** A scheduled broadcast without a title of its own airs under the schedule's title. */
    static BroadcastRequest titled(ScheduleEntry e) {
        BroadcastRequest b = e.broadcast();
        return b.title() != null ? b : new BroadcastRequest(e.title(), b.media(), b.playlist(), b.targets(), b.priority(),
                b.onPreempt(), b.issuerLevel(), b.resumeDeadline(), b.maxDurationSeconds(), b.repeat(), b.attentionTone(),
                b.at(), b.when());
    }

    /**
     * Plans the entry and hands it to the launcher without waiting for the air time: Quartz has two
     * worker threads, and entries due at the same minute must not queue behind each other's lead.
     * The entry's mark moves on to its next firing only once this one is journaled (or will not air).
     */
    private void air(ScheduleEntry entry, Instant airTime, JobExecutionContext context) throws Exception {
        BroadcastRequest request = titled(entry);
        BroadcastPlan plan = withoutQuietStations(planner.plan(request)
                .placed(entry.sameClass().placement(), entry.sameClass().maxWait()), airTime);
        if (plan == null) {
            markNext(entry.id(), airTime);
            return;
        }
        Instant fired = context.getFireTime().toInstant();
        launcher.start(request, plan, airTime, origin(entry.id())).whenComplete((session, failure) -> {
            if (failure != null) {
                log.error("Schedule {} '{}' could not air at {}: {}", entry.id(), entry.title(), airTime, failure.toString());
            } else {
                log.info("Schedule {} '{}' fired at {} for air time {}: session {}", entry.id(), entry.title(), fired,
                        airTime, session);
            }
            markNext(entry.id(), airTime);
        });
    }

    private void markNext(long id, Instant airTime) {
        try {
            marks.markNext(id, airTime.plusMillis(1));
        } catch (SQLException | SchedulerException e) {
            // Harmless but for the next restart, which then finds this firing journaled and leaves it.
            log.error("Schedule {}: cannot move its mark past {}: {}", id, airTime, e.getMessage());
        }
    }

    /** The journal's origin of the sessions an entry starts on time. */
    static String origin(long entryId) {
        return "schedule " + entryId;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long id = context.getMergedJobDataMap().getLong(ENTRY_ID);
        try {
            ScheduleEntry entry = store.find(id).orElse(null);
            if (entry == null) {
                log.warn("Schedule {} fired but no longer exists", id);
                return;
            }
            Instant airTime = context.getScheduledFireTime().toInstant()
                    .plusMillis(context.getTrigger().getJobDataMap().getLong(LEAD_MS));
            log.info("Schedule {} '{}' fired for air time {}", id, entry.title(), airTime);
            try {
                air(entry, airTime, context);
            } catch (Exception e) {
                markNext(id, airTime);
                throw e;
            }
        } catch (PlanException e) {
            // The media or a target went away since the entry was made: tell the operator, keep the schedule.
            log.error("Schedule {} cannot air: {}", id, e.getMessage());
        } catch (Exception e) {
            throw new JobExecutionException("schedule " + id + " failed: " + e.getMessage(), e, false);
        }
    }
}
