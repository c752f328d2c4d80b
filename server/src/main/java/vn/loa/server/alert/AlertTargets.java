package vn.loa.server.alert;

import java.util.Collection;
import java.util.List;
import vn.loa.server.station.StationDirectory;

/** Reads an alert's stations against the administrative tree: which of them are test stations. */
final class AlertTargets {
    static final String TEST_TAG = "test";
    private final StationDirectory directory;

    AlertTargets(StationDirectory directory) {
        this.directory = directory;
    }

    List<String> testStations(Collection<String> stations) {
        return stations.stream().sorted()
                .filter(id -> directory.station(id).map(s -> s.tags().contains(TEST_TAG)).orElse(false)).toList();
    }
}
