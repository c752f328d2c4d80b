package vn.loa.server.broadcast;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/** Turns a broadcast's targets (stations, areas, tags, all) into enabled station ids, refusing unknown names. */
final class TargetResolver {
    private final StationDirectory directory;

    TargetResolver(StationDirectory directory) {
        this.directory = directory;
    }

    Set<String> resolve(BroadcastRequest.Targets t) {
        if (t == null || (isEmpty(t.stations()) && isEmpty(t.areas()) && isEmpty(t.tags()) && !Boolean.TRUE.equals(t.all()))) {
            throw new PlanException("targets_required", "targets must name stations, areas or tags, or be {\"all\": true}");
        }
        Set<String> ids = new TreeSet<>();
        for (String id : orEmpty(t.stations())) {
            if (directory.station(id).isEmpty()) {
                throw new PlanException("no_such_station", "targets.stations: station '" + id + "' does not exist").with("station", id);
            }
            ids.add(id);
        }
        for (String area : orEmpty(t.areas())) {
            if (!directory.hasArea(area)) {
                throw new PlanException("no_such_area", "targets.areas: area '" + area + "' does not exist").with("area", area);
            }
            directory.stations().stream().filter(s -> directory.isWithin(s, area)).map(StationDefinition::id).forEach(ids::add);
        }
        for (String tag : orEmpty(t.tags())) {
            directory.stations().stream().filter(s -> s.tags().contains(tag)).map(StationDefinition::id).forEach(ids::add);
        }
        if (Boolean.TRUE.equals(t.all())) {
            directory.stations().forEach(s -> ids.add(s.id()));
        }
        ids.removeIf(id -> !directory.station(id).orElseThrow().enabled());
        if (ids.isEmpty()) {
            throw new PlanException("no_target_station", "the targets match no enabled station");
        }
        return ids;
    }

    private static boolean isEmpty(List<String> l) {
        return l == null || l.isEmpty();
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
