package vn.loa.server.station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured stations and the administrative tree they stand in. Immutable once built. */
public final class StationDirectory {
    private final List<Area> roots;
    private final Map<String, StationDefinition> stations;
    private final Map<String, List<Area>> pathToArea;

    /** Callers validate first (see ConfigLoader); this only indexes. */
    public StationDirectory(List<Area> roots, List<StationDefinition> stations) {
        this.roots = List.copyOf(roots);
        Map<String, StationDefinition> byId = new LinkedHashMap<>();
        stations.forEach(s -> byId.put(s.id(), s));
        this.stations = Collections.unmodifiableMap(byId);
        Map<String, List<Area>> paths = new HashMap<>();
        for (Area root : roots) {
            index(root, List.of(), paths);
        }
        this.pathToArea = Collections.unmodifiableMap(paths);
    }

    private static void index(Area area, List<Area> parents, Map<String, List<Area>> paths) {
        List<Area> path = new ArrayList<>(parents);
        path.add(area);
        paths.put(area.id(), List.copyOf(path));
        for (Area child : area.children()) {
            index(child, path, paths);
        }
    }

    public Optional<StationDefinition> station(String id) {
        return Optional.ofNullable(stations.get(id));
    }

    public Collection<StationDefinition> stations() {
        return stations.values();
    }

    public List<Area> roots() {
        return roots;
    }

    public boolean hasArea(String areaId) {
        return pathToArea.containsKey(areaId);
    }

    /** The areas from the root down to and including {@code areaId}; empty if there is no such area. */
    public List<Area> pathTo(String areaId) {
        return pathToArea.getOrDefault(areaId, List.of());
    }

    /** The quiet hours of the nearest area above the station that sets them, else {@code fallback}. */
    public QuietHours quietHours(String stationId, QuietHours fallback) {
        StationDefinition s = stations.get(stationId);
        List<Area> path = s == null ? List.of() : pathTo(s.areaId());
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).quietHours() != null) {
                return path.get(i).quietHours();
            }
        }
        return fallback;
    }

    /** The airtime cap per session of the nearest area above the station that sets one, else null. */
    public Integer airtimeCapMinutes(String stationId) {
        StationDefinition s = stations.get(stationId);
        List<Area> path = s == null ? List.of() : pathTo(s.areaId());
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).airtimeCapMinutes() != null) {
                return path.get(i).airtimeCapMinutes();
            }
        }
        return null;
    }

    /**
     * The name of the commune a station stands in, for people and reports; where the tree has no
     * commune level above it, its own area's name.
     */
    public String communeName(StationDefinition station) {
        List<Area> path = pathTo(station.areaId());
        return path.stream().filter(a -> "commune".equals(a.level())).map(Area::name).findFirst()
                .orElse(path.isEmpty() ? station.areaId() : path.get(path.size() - 1).name());
    }

    /** Whether the station stands in {@code areaId} or anywhere below it. */
    public boolean isWithin(StationDefinition station, String areaId) {
        return pathTo(station.areaId()).stream().anyMatch(a -> a.id().equals(areaId));
    }
}
