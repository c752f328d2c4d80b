package vn.loa.server.schedule;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * Each entry's mark in schedule_armed: the air time of its next firing whose session is not yet in the
 * journal. The mark is written before Quartz can fire (when the entry is made, and after each firing
 * for the one that follows), because Quartz consumes a firing 2 s ahead of its air time in a
 * transaction of its own: a crash anywhere between that and the journal row would otherwise lose the
 * firing without a trace. At a restart, a mark that Quartz no longer holds and the journal never got
 * is a missed firing (see {@link MissedFirings}).
 */
final class FiringMarks {
    private final ScheduleStore store;
    private final Scheduler quartz;

    FiringMarks(ScheduleStore store, Scheduler quartz) {
        this.store = store;
        this.quartz = quartz;
    }

    /** Marks the entry's first air time at or after {@code from}, or clears its mark if it has none. */
    void markNext(long id, Instant from) throws SQLException, SchedulerException {
        Instant next = nextAir(id, from);
        if (next == null) {
            store.disarm(id);
        } else {
            store.arm(id, next);
        }
    }

    /** The earliest air time at or after {@code from} that the entry's triggers still hold; null if none. */
    Instant nextAir(long id, Instant from) throws SchedulerException {
        Instant earliest = null;
        for (Trigger t : quartz.getTriggersOfJob(ScheduleService.jobKey(id))) {
            for (Date fire = t.getNextFireTime(); fire != null; fire = t.getFireTimeAfter(fire)) {
                Instant air = air(t, fire);
                if (!air.isBefore(from)) {
                    earliest = earliest == null || air.isBefore(earliest) ? air : earliest;
                    break;
                }
            }
        }
        return earliest;
    }

    /** The latest air time before {@code before} that the entry's triggers still hold (a missed one); null if none. */
    Instant latestAirBefore(long id, Instant before) throws SchedulerException {
        Instant latest = null;
        for (Trigger t : quartz.getTriggersOfJob(ScheduleService.jobKey(id))) {
            for (Date fire = t.getNextFireTime(); fire != null && air(t, fire).isBefore(before); fire = t.getFireTimeAfter(fire)) {
                latest = latest == null || air(t, fire).isAfter(latest) ? air(t, fire) : latest;
            }
        }
        return latest;
    }

    /** A trigger fires its lead ahead of the air time (Recurrence.LEAD_SECONDS). */
    private static Instant air(Trigger t, Date fire) {
        return fire.toInstant().plusMillis(t.getJobDataMap().getLong(ScheduledBroadcastJob.LEAD_MS));
    }
}
