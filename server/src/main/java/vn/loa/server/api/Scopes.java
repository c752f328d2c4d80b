package vn.loa.server.api;

import java.util.Collection;
import vn.loa.server.policy.StationScope;
import vn.loa.server.station.StationDirectory;

/**
 * The station scope as handlers ask it, with the caller taken from the request. It decides nothing:
 * {@link StationScope} does, and its refusals become 403s in {@link ApiHandler}.
 */
public final class Scopes {
    private final StationScope scope;

    public Scopes(StationDirectory directory) {
        this(new StationScope(directory));
    }

    public Scopes(StationScope scope) {
        this.scope = scope;
    }

    public boolean reaches(ApiRequest request, String stationId) {
        return scope.reaches(request.principal(), stationId);
    }

    public void requireAll(ApiRequest request, Collection<String> stations, String what) {
        scope.requireAll(request.principal(), stations, what);
    }
}
