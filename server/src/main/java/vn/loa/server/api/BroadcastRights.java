package vn.loa.server.api;

import java.util.Set;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Principal;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * Who may put a broadcast on air, now or by schedule: the targets must all lie in the caller's scope,
 * and only roles with emergency rights may use the EMERGENCY class.
 */
public final class BroadcastRights {
    private final BroadcastPlanner planner;
    private final Scopes scopes;

    public BroadcastRights(BroadcastPlanner planner, Scopes scopes) {
        this.planner = planner;
        this.scopes = scopes;
    }

    public Scopes scopes() {
        return scopes;
    }

    /**
     * Refuses (403) a request the caller may not make; lets a malformed one through to be refused as a 400.
     * Returns the stations the request targets, resolved once here for the planner to reuse; null when
     * nothing was checked (no caller to check, or no body).
     */
    public Set<String> check(ApiRequest request, BroadcastRequest body, String what) {
        Principal who = request.principal();
        if (who == null || body == null) {
            return null;
        }
        if ("EMERGENCY".equals(body.priority()) && !who.role().allows(Access.EMERGENCY)) {
            throw ApiException.forbidden(who, "a " + who.role().label() + " may not broadcast at EMERGENCY class; "
                    + "emergencies are for officers (PRIORITY is the highest class for operators)");
        }
        Set<String> stations = planner.stations(body);
        scopes.requireAll(request, stations, what);
        return stations;
    }

    /** Whether any station the request targets is the caller's, for filtering lists. */
    public boolean visible(ApiRequest request, BroadcastRequest body) {
        Set<String> stations = planner.stationsOrNone(body);
        return stations.stream().anyMatch(s -> scopes.reaches(request, s));
    }
}
