package vn.loa.server.auth;

import java.util.Set;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/**
 * Who is calling, once their token checked out: a user, a role, and the areas they answer for. An
 * admin's scope is everything; anyone else reaches only stations inside one of their areas.
 */
public record Principal(String name, Role role, Set<String> scopes) {

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean everywhere() {
        return role == Role.ADMIN;
    }

    public boolean reaches(StationDefinition station, StationDirectory directory) {
        return everywhere() || scopes.stream().anyMatch(area -> directory.isWithin(station, area));
    }

    /** An area is inside the scope when it is one of the scope's areas or lies below one. */
    public boolean covers(String areaId, StationDirectory directory) {
        return everywhere() || directory.pathTo(areaId).stream().anyMatch(a -> scopes.contains(a.id()));
    }
}
