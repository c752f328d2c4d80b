package vn.loa.server.schedule;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.PlayoutEngine;

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
    private final PlayoutEngine engine;

    ScheduledBroadcastJob(ScheduleStore store, BroadcastPlanner planner, PlayoutEngine engine) {
        this.store = store;
        this.planner = planner;
        this.engine = engine;
    }

    /** A scheduled broadcast without a title of its own airs under the schedule's title. */
    static BroadcastRequest titled(ScheduleEntry e) {
        BroadcastRequest b = e.broadcast();
        return b.title() != null ? b : new BroadcastRequest(e.title(), b.media(), b.playlist(), b.targets(), b.priority(),
                b.onPreempt(), b.issuerLevel(), b.resumeDeadline(), b.maxDurationSeconds(), b.repeat(), b.attentionTone());
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
            long session = engine.start(planner.plan(titled(entry)), airTime).get(30, TimeUnit.SECONDS);
            log.info("Schedule {} '{}' fired at {} for air time {}: session {}", id, entry.title(),
                    context.getFireTime().toInstant(), airTime, session);
        } catch (PlanException e) {
            // The media or a target went away since the entry was made: tell the operator, keep the schedule.
            log.error("Schedule {} cannot air: {}", id, e.getMessage());
        } catch (Exception e) {
            throw new JobExecutionException("schedule " + id + " failed: " + e.getMessage(), e, false);
        }
    }
}
