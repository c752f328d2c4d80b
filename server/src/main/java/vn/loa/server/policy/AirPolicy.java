package vn.loa.server.policy;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Principal;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.broadcast.PlanException;

/**
 * Who may air what class on which stations, now or by schedule: every target inside the user's scope,
 * EMERGENCY only for roles with emergency rights, the issuer level the user's own, and an EMERGENCY
 * over more communes than configured held for a second officer.
 */
public final class AirPolicy {
    private final BroadcastPlanner planner;
    private final StationScope scope;
    private final IssuerLevels levels;
    private final TwoPersonRule twoPerson;

    /**
     * What the policy lets a request become.
     *
     * @param request            the request as it may air: the issuer level is the user's own
     * @param stations           its targets, resolved once here for the planner to reuse
     * @param needsSecondOfficer whether it must wait for another officer's confirmation
     * @param communes           the communes it reaches, by name
     */
    public record Clearance(BroadcastRequest request, Set<String> stations, boolean needsSecondOfficer,
                            List<String> communes) {
    }

    public AirPolicy(BroadcastPlanner planner, StationScope scope, IssuerLevels levels, TwoPersonRule twoPerson) {
        this.planner = planner;
        this.scope = scope;
        this.levels = levels;
        this.twoPerson = twoPerson;
    }

    /**
     * Refuses what the user may not air now (or within the hour); a malformed request is left for the
     * planner to refuse (400). An EMERGENCY it lets go alone counts against the user's next ones.
     */
    public Clearance clear(Principal who, BroadcastRequest body, String what) {
        Set<String> stations = requireMayAct(who, body, what);
        BroadcastRequest stamped = body.withIssuerLevel(levels.require(who, body.issuerLevel()).name());
        boolean second = twoPerson.neededNow(who.name(), emergency(body.priority()), stations);
        return new Clearance(stamped, stations, second, twoPerson.communes(stations));
    }

    /** The same for a schedule entry, whose firings can meet those of the user's other entries. */
    public Clearance clearSchedule(Principal who, BroadcastRequest body, String what) {
        Set<String> stations = requireMayAct(who, body, what);
        BroadcastRequest stamped = body.withIssuerLevel(levels.require(who, body.issuerLevel()).name());
        boolean second = twoPerson.neededForSchedule(who, emergency(body.priority()), stations);
        return new Clearance(stamped, stations, second, twoPerson.communes(stations));
    }

    /**
     * The rights to act on an existing request (read one schedule entry, change it, delete it): the
     * class's rights and every station in scope. Returns its stations.
     */
    public Set<String> requireMayAct(Principal who, BroadcastRequest body, String what) {
        if (body == null) {
            throw new PlanException("broadcast_required", "broadcast is required: what to play, where, at which class");
        }
        requireClass(who, body.priority(), "broadcast at EMERGENCY class");
        Set<String> stations = planner.stations(body);
        scope.requireAll(who, stations, what);
        return stations;
    }

    /** Stopping takes the same rights as starting: the class's rights and every station of it in scope. */
    public void requireMayStop(Principal who, String priority, Collection<String> stations, String what) {
        requireClass(who, priority, "stop an EMERGENCY broadcast");
        scope.requireAll(who, stations, what);
    }

    /** Whether the user shares a station with the request, for filtering lists. */
    public boolean visible(Principal who, BroadcastRequest body) {
        return scope.reachesAny(who, planner.stationsOrNone(body));
    }

    private static void requireClass(Principal who, String priority, String act) {
        if (emergency(priority) && !who.role().allows(Access.EMERGENCY)) {
            throw new PolicyRefusal(PolicyRefusal.Reason.EMERGENCY_RIGHTS_REQUIRED, who, "a " + who.role().label()
                    + " may not " + act + "; emergencies are for officers "
                    + "(PRIORITY is the highest class for operators)");
        }
    }

    private static boolean emergency(String priority) {
        return "EMERGENCY".equals(priority);
    }

    public StationScope scope() {
        return scope;
    }

    public TwoPersonRule twoPerson() {
        return twoPerson;
    }
}
