package vn.loa.server.policy;

import java.util.Collection;
import java.util.List;
import vn.loa.server.auth.Principal;
import vn.loa.server.station.StationDirectory;

/**
 * Which stations a user answers for: an admin every one, anyone else those inside one of their areas.
 * Lists are filtered to them; an act on any station outside is refused whole, naming those stations,
 * never carried out in part. A null principal is a public endpoint's caller, which no scope narrows.
 */
public final class StationScope {
    private static final int NAMED = 10;
    private final StationDirectory directory;

    public StationScope(StationDirectory directory) {
        this.directory = directory;
    }

    public boolean reaches(Principal who, String stationId) {
        return who == null || who.everywhere()
                || directory.station(stationId).map(s -> who.reaches(s, directory)).orElse(false);
    }

    /** Whether the user shares at least one station with a thing: enough to see it in a list. */
    public boolean reachesAny(Principal who, Collection<String> stations) {
        return stations.stream().anyMatch(s -> reaches(who, s));
    }

    public void requireAll(Principal who, Collection<String> stations, String what) {
        List<String> outside = stations.stream().filter(s -> !reaches(who, s)).sorted().toList();
        if (!outside.isEmpty()) {
            throw new PolicyRefusal(PolicyRefusal.Reason.OUTSIDE_SCOPE, who, what + " reaches " + outside.size()
                    + " station(s) outside the scope of " + who.name() + " " + who.scopes() + ": "
                    + String.join(", ", outside.subList(0, Math.min(NAMED, outside.size())))
                    + (outside.size() > NAMED ? ", …" : ""))
                    .with("count", outside.size())
                    .with("where", places(outside));
        }
    }

    public void requireArea(Principal who, String areaId) {
        if (!covers(who, areaId)) {
            throw new PolicyRefusal(PolicyRefusal.Reason.OUTSIDE_SCOPE, who,
                    "area " + areaId + " is outside the scope of " + who.name() + " " + who.scopes())
                    .with("where", areaName(areaId));
        }
    }

    /** Whether the area is one of the user's or lies below one; null is the root, which only the top covers. */
    public boolean covers(Principal who, String areaId) {
        if (who == null || who.everywhere()) {
            return true;
        }
        if (areaId == null) {
            return directory.roots().stream().anyMatch(root -> who.scopes().contains(root.id()));
        }
        return who.covers(areaId, directory);
    }

    /** The communes of stations, by name, as people know them: "Xã B, Xã C"; a station without one by its name. */
    private String places(List<String> stations) {
        List<String> names = stations.stream().map(s -> directory.station(s)
                .map(d -> java.util.Optional.ofNullable(directory.communeName(d)).orElse(d.name())).orElse(s))
                .distinct().toList();
        return String.join(", ", names.subList(0, Math.min(NAMED, names.size()))) + (names.size() > NAMED ? ", …" : "");
    }

    /** An area as people know it: its name, else its id. */
    String areaName(String areaId) {
        List<vn.loa.server.station.Area> path = directory.pathTo(areaId);
        return path.isEmpty() ? areaId : path.get(path.size() - 1).name();
    }

    public StationDirectory directory() {
        return directory;
    }
}
