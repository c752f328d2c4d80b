package vn.loa.server.api;

import java.util.Collection;
import java.util.List;
import vn.loa.server.auth.Principal;
import vn.loa.server.station.StationDirectory;

/**
 * The scope half of authorisation: whether the caller answers for the stations a request touches.
 * Lists are filtered to the caller's stations; an act on any station outside the scope is refused
 * whole (403 naming those stations), never carried out in part.
 */
public final class Scopes {
    private final StationDirectory directory;

    public Scopes(StationDirectory directory) {
        this.directory = directory;
    }

    public boolean reaches(ApiRequest request, String stationId) {
        Principal who = request.principal();
        return who == null || who.everywhere()
                || directory.station(stationId).map(s -> who.reaches(s, directory)).orElse(false);
    }

    public void requireAll(ApiRequest request, Collection<String> stations, String what) {
        List<String> outside = stations.stream().filter(s -> !reaches(request, s)).sorted().toList();
        if (!outside.isEmpty()) {
            Principal who = request.principal();
            throw ApiException.forbidden(who, what + " reaches " + outside.size() + " station(s) outside the scope of "
                    + who.name() + " " + who.scopes() + ": " + String.join(", ", outside.subList(0, Math.min(10, outside.size())))
                    + (outside.size() > 10 ? ", …" : ""));
        }
    }

    public void requireArea(ApiRequest request, String areaId) {
        Principal who = request.principal();
        if (who != null && !who.covers(areaId, directory)) {
            throw ApiException.forbidden(who, "area " + areaId + " is outside the scope of " + who.name() + " " + who.scopes());
        }
    }
}
