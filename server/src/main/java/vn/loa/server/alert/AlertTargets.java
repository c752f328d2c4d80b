package vn.loa.server.alert;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import vn.loa.server.station.StationDirectory;

/** Reads an alert's stations against the administrative tree: which communes, which test stations. */
final class AlertTargets {
    static final String TEST_TAG = "test";
    private final StationDirectory directory;

    AlertTargets(StationDirectory directory) {
        this.directory = directory;
    }

    /** Commune names; a station with no commune above it counts as its own area. */
    List<String> communes(Collection<String> stations) {
        TreeSet<String> out = new TreeSet<>();
        for (String id : stations) {
            directory.station(id).ifPresent(s -> out.add(directory.communeName(s)));
        }
        return List.copyOf(out);
    }

    List<String> testStations(Collection<String> stations) {
        return stations.stream().sorted()
                .filter(id -> directory.station(id).map(s -> s.tags().contains(TEST_TAG)).orElse(false)).toList();
    }
}
