package vn.loa.server.confirm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.auth.Principal;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.SessionLauncher;
import vn.loa.server.policy.AirPolicy;
import vn.loa.server.policy.PolicyRefusal;
import vn.loa.server.schedule.ScheduleEntry;
import vn.loa.server.schedule.ScheduleService;

/**
 * Holds what the two-person rule stops, and carries it out when a second officer confirms. A held
 * broadcast expires after an hour (an emergency confirmed much later should be asked for again, not
 * surprise anyone); a held schedule entry after a day. The confirmation is recorded before the
 * broadcast or entry is made and undone if making it fails, so a request is never carried out twice.
 */
public final class Confirmations {
    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
    static final Duration BROADCAST_LIFETIME = Duration.ofHours(1);
    static final Duration SCHEDULE_LIFETIME = Duration.ofHours(24);
    private final PendingStore store;
    private final BroadcastPlanner planner;
    private final SessionLauncher launcher;
    private final ScheduleService schedules;
    private final AirPolicy policy;
    private final Clock clock;

    public Confirmations(javax.sql.DataSource db, BroadcastPlanner planner, SessionLauncher launcher,
                         ScheduleService schedules, AirPolicy policy, Clock clock) {
        this.store = new PendingStore(db);
        this.planner = planner;
        this.launcher = launcher;
        this.schedules = schedules;
        this.policy = policy;
        this.clock = clock;
    }

    /** Holds a cleared broadcast that needs a second officer; the caller has planned it, so it can air. */
    public Pending holdBroadcast(Principal who, AirPolicy.Clearance c, String title) {
        return hold(who, Pending.Kind.BROADCAST, c, title, null, false, null, BROADCAST_LIFETIME);
    }

    /** Holds a schedule entry (new, or replacing {@code replaces}) that the schedule service has validated. */
    public Pending holdSchedule(Principal who, AirPolicy.Clearance c, ScheduleEntry entry, boolean allowConflicts,
                                Long replaces) {
        return hold(who, Pending.Kind.SCHEDULE, c, entry.title(), entry, allowConflicts, replaces, SCHEDULE_LIFETIME);
    }

    private Pending hold(Principal who, Pending.Kind kind, AirPolicy.Clearance c, String title, ScheduleEntry entry,
                         boolean allowConflicts, Long replaces, Duration lifetime) {
        Instant now = clock.instant();
        Pending p = new Pending(0, kind, Pending.AWAITING, title, c.stations().size(), c.communes(), who.name(), now,
                now.plus(lifetime), null, null, null, replaces, c.request(), entry, allowConflicts);
        long id = store.insert(p);
        log.warn("{} {} '{}' on {} station(s) in {} communes asked for by {}; waiting for a second officer",
                kind, id, title, c.stations().size(), c.communes().size(), who.name());
        return get(id);
    }

    /** Requests sharing a station with the user, newest first; {@code state} null for every state. */
    public List<Pending> list(Principal who, String state, int limit) {
        Instant now = clock.instant();
        String stored = Pending.EXPIRED.equals(state) ? Pending.AWAITING : state;
        return store.list(stored, limit).stream().map(p -> p.asOf(now))
                .filter(p -> state == null || p.state().equals(state))
                .filter(p -> policy.visible(who, p.broadcast())).toList();
    }

    public Pending visible(Principal who, long id) {
        Pending p = get(id);
        if (!policy.visible(who, p.broadcast())) {
            throw new PolicyRefusal(PolicyRefusal.Reason.OUTSIDE_SCOPE, who, "request " + id + " reaches none of the "
                    + "stations of " + who.name() + " " + who.scopes()).with("where", String.join(", ", p.communes()));
        }
        return p;
    }

    public synchronized Pending confirm(Principal who, long id) {
        Pending p = decidable(who, id, "confirm");
        policy.twoPerson().requireSecondOfficer(who, p.requestedBy(), "this EMERGENCY " + p.kind().name().toLowerCase());
        if (!store.decide(id, Pending.CONFIRMED, who.name(), clock.instant())) {
            throw notAwaiting(get(id));
        }
        long result;
        try {
            result = carryOut(p, who);
        } catch (RuntimeException e) {
            store.reopen(id);
            throw e;
        }
        store.result(id, result);
        log.warn("{} {} '{}' confirmed by {} (asked for by {}): {}", p.kind(), id, p.title(), who.name(),
                p.requestedBy(), result);
        return get(id);
    }

    /** Anyone who could confirm may reject, the officer who asked included (withdrawing it). */
    public synchronized Pending reject(Principal who, long id) {
        Pending p = decidable(who, id, "reject");
        if (!store.decide(id, Pending.REJECTED, who.name(), clock.instant())) {
            throw notAwaiting(get(id));
        }
        log.warn("{} {} '{}' rejected by {} (asked for by {})", p.kind(), id, p.title(), who.name(), p.requestedBy());
        return get(id);
    }

    /** The request, if the user has the rights over all of it and it still waits for an answer. */
    private Pending decidable(Principal who, long id, String verb) {
        Pending p = get(id);
        policy.requireMayAct(who, p.broadcast(), "request " + id);
        if (p.state().equals(Pending.EXPIRED)) {
            throw new ConfirmationRefused("confirmation_expired", false, "request " + id + " expired at " + p.expiresAt()
                    + " unanswered; ask for it again if it is still needed");
        }
        if (!p.state().equals(Pending.AWAITING)) {
            throw notAwaiting(p);
        }
        return p;
    }

    private long carryOut(Pending p, Principal confirmer) {
        if (p.kind() == Pending.Kind.SCHEDULE) {
            return p.replaces() == null ? schedules.create(p.schedule(), p.allowConflicts()).id()
                    : schedules.replace(p.replaces(), p.schedule(), p.allowConflicts()).orElseThrow(() ->
                            new ConfirmationRefused("schedule_gone", false, "schedule " + p.replaces()
                                    + " that request " + p.id() + " would replace no longer exists")).id();
        }
        String origin = "api, " + p.requestedBy() + ", confirmed by " + confirmer.name();
        try {
            return launcher.start(p.broadcast(), planner.plan(p.broadcast()), null, origin).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the confirmed broadcast did not start within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the confirmed broadcast", e);
        }
    }

    private Pending get(long id) {
        return store.find(id).map(p -> p.asOf(clock.instant())).orElseThrow(() ->
                new ConfirmationRefused("no_such_request", true, "no request for confirmation " + id));
    }

    private static ConfirmationRefused notAwaiting(Pending p) {
        return new ConfirmationRefused("not_awaiting_confirmation", false, "request " + p.id() + " is " + p.state()
                + (p.decidedBy() == null ? "" : " (by " + p.decidedBy() + ")") + "; there is nothing to decide");
    }
}
