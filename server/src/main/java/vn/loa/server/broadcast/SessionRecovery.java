package vn.loa.server.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.PlayoutEngine;

/**
 * At start, puts back on air what was on air when the server stopped (a crash, a power cut, SIGKILL):
 * a flood warning must not fall silent because the process restarted. Each session still inside its
 * programme is joined at the position wall-clock time implies, as a schedule's JOIN does; one that was
 * held for a later instant is held again; one already over is closed. A timed broadcast whose air time
 * passed while the server was down follows the same rule, as if it had aired at its time: joined where
 * it would be now, or closed if it would be over. The as-run log says INTERRUPTED only for what was on
 * air; a timed broadcast that never aired gets JOINED or MISSED, or nothing when it is simply held
 * again. The journal's resumed-as chain and the session events say which new session carries on which
 * old one, so an alert follows its session and a client's DELETE with its original id finds it. A schedule
 * entry's session that was still held is left to the schedule's misfire handling, which knows its policy.
 * A session that was paused under a higher class resumes at its wall-clock position too, not where it
 * was cut: the pause was not journaled, and the simpler rule is the predictable one.
 */
public final class SessionRecovery {
    private static final Logger log = LoggerFactory.getLogger(SessionRecovery.class);
    /** Less than this left of the programme is not worth a restart. */
    private static final Duration MIN_REMAINING = Duration.ofSeconds(1);
    /** How ScheduledBroadcastJob names the sessions of schedule entries in the journal. */
    private static final String SCHEDULE_ORIGIN = "schedule ";
    private final SessionJournal journal;
    private final BroadcastPlanner planner;
    private final SessionLauncher launcher;
    private final AsRunLog asRun;
    private final Clock clock;

    public SessionRecovery(SessionJournal journal, BroadcastPlanner planner, SessionLauncher launcher, AsRunLog asRun,
                           Clock clock) {
        this.journal = journal;
        this.planner = planner;
        this.launcher = launcher;
        this.asRun = asRun;
        this.clock = clock;
    }

    /** @return how many sessions went back on air */
    public int recover() throws Exception {
        int resumed = 0;
        for (SessionRecord s : journal.active()) {
            Instant now = clock.instant();
            if (s.state().equals(SessionRecord.PENDING) && s.origin().startsWith(SCHEDULE_ORIGIN)) {
                // Never aired: its schedule entry's misfire policy (SKIP, GRACE, JOIN) decides, not this rule.
                journal.unaired(s.id());
                launcher.notRecovered(s.id(), "held for its schedule entry; its misfire policy decides");
                log.warn("Session {} '{}' was held for {} when the server stopped; left to its schedule entry",
                        s.id(), s.title(), s.audibleAt());
                continue;
            }
            BroadcastPlan plan;
            try {
                plan = planner.plan(s.request());
            } catch (PlanException e) {
                boolean wasOnAir = !s.state().equals(SessionRecord.PENDING);
                close(s, planner.stationsOrNone(s.request()), wasOnAir, "server stopped while "
                        + (wasOnAir ? "on air" : "it was held for " + s.audibleAt()) + "; cannot air again: " + e.getMessage());
                continue;
            }
            Instant end = s.audibleAt().plusMillis(s.durationMs());
            boolean pastDeadline = plan.resumeDeadline() != null && now.isAfter(plan.resumeDeadline());
            boolean aired = !s.state().equals(SessionRecord.PENDING);
            if (now.plus(MIN_REMAINING).isAfter(end) || pastDeadline) {
                close(s, plan.stations(), aired, "server stopped while " + (aired ? "on air"
                        : "it was held for " + s.audibleAt()) + "; " + (pastDeadline
                        ? "its resume deadline has passed" : "the programme was over by the restart"));
                continue;
            }
            long newId;
            String how;
            if (s.audibleAt().isAfter(now)) {
                newId = launcher.hold(s.request(), plan, s.audibleAt(), "resume of " + s.id()).get(30, TimeUnit.SECONDS);
                how = "held again for " + s.audibleAt();
            } else {
                long offset = Duration.between(s.audibleAt(), now).toMillis()
                        + PlayoutEngine.startDelayMillis(plan.stations().size());
                newId = launcher.start(s.request(), plan, null, offset, "resume of " + s.id()).get(30, TimeUnit.SECONDS);
                how = "joined " + offset / 1000 + " s in";
            }
            journal.settled(s.id(), newId);
            launcher.recovered(s.id(), newId);
            if (aired) {
                note(s, plan.stations(), AsRunEntry.INTERRUPTED, "server stopped while on air; back on air as session "
                        + newId + ", " + how);
            } else if (!s.audibleAt().isAfter(now)) {
                // Never on air: its air time passed while the server was down, so it joins late; not interrupted.
                note(s, plan.stations(), AsRunEntry.JOINED, "the server was down at its air time " + s.audibleAt()
                        + "; on air as session " + newId + ", " + how);
            } // held again for a time still ahead: nothing happened on air, so the as-run log has nothing to say
            log.warn("Session {} '{}' was {} when the server stopped: carried on as {}, {}", s.id(), s.title(),
                    aired ? "on air" : "held for " + s.audibleAt(), newId, how);
            resumed++;
        }
        return resumed;
    }

    /** @param aired whether it was on air (INTERRUPTED) or only held and its time went by (MISSED) */
    private void close(SessionRecord s, Set<String> stations, boolean aired, String reason) throws Exception {
        journal.settled(s.id(), null);
        launcher.notRecovered(s.id(), reason);
        note(s, stations, aired ? AsRunEntry.INTERRUPTED : AsRunEntry.MISSED, reason);
        log.warn("Session {} '{}': {}", s.id(), s.title(), reason);
    }

    private void note(SessionRecord s, Set<String> stations, String event, String reason) throws Exception {
        for (String station : stations) {
            asRun.append(new AsRunEntry(clock.instant(), station, s.id(), s.title(), s.priority(),
                    event, null, null, null, reason)).get(30, TimeUnit.SECONDS);
        }
    }
}
