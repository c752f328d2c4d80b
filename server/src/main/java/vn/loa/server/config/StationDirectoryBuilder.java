package vn.loa.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.loa.server.config.ConfigFiles.AreaEntry;
import vn.loa.server.config.ConfigFiles.StationEntry;
import vn.loa.server.config.ConfigFiles.StationsFile;
import vn.loa.server.station.Area;
import vn.loa.server.station.QuietHours;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/** Checks the stations file entry by entry and builds the directory, naming the entry in every error. */
final class StationDirectoryBuilder {
    /** The same rule as the protocol's HELLO stationId, so every configured station can log in. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final String file;
    private final Set<String> areaIds = new HashSet<>();

    StationDirectoryBuilder(String file) {
        this.file = file;
    }

    StationDirectory build(StationsFile parsed) {
        if (parsed == null || parsed.stations() == null) {
            throw new ConfigException(file + ": no 'stations' list");
        }
        List<Area> roots = new ArrayList<>();
        for (AreaEntry entry : parsed.areas() == null ? List.<AreaEntry>of() : parsed.areas()) {
            roots.add(area(entry, "areas"));
        }
        Set<String> stationIds = new HashSet<>();
        List<StationDefinition> stations = new ArrayList<>();
        for (int i = 0; i < parsed.stations().size(); i++) {
            StationEntry s = parsed.stations().get(i);
            String where = "stations[" + i + "]" + (s.id() == null ? "" : " (" + s.id() + ")");
            requireId(s.id(), where);
            if (!stationIds.add(s.id())) {
                fail(where, "station id appears twice");
            }
            if (s.name() == null || s.name().isBlank()) {
                fail(where, "has no name");
            }
            if (s.area() == null || !areaIds.contains(s.area())) {
                fail(where, "area '" + s.area() + "' is not in the areas tree");
            }
            if (s.latitude() != null && (s.latitude() < -90 || s.latitude() > 90)) {
                fail(where, "lat " + s.latitude() + " is outside -90..90");
            }
            if (s.longitude() != null && (s.longitude() < -180 || s.longitude() > 180)) {
                fail(where, "lon " + s.longitude() + " is outside -180..180");
            }
            stations.add(new StationDefinition(s.id(), s.name(), s.area(), s.tags(), s.latitude(), s.longitude(),
                    s.enabled() == null || s.enabled()));
        }
        return new StationDirectory(roots, stations);
    }

    private Area area(AreaEntry entry, String where) {
        String here = where + " > " + (entry.id() == null ? "?" : entry.id());
        requireId(entry.id(), here);
        if (!areaIds.add(entry.id())) {
            fail(here, "area id appears twice");
        }
        if (entry.name() == null || entry.name().isBlank()) {
            fail(here, "has no name");
        }
        List<Area> children = new ArrayList<>();
        for (AreaEntry child : entry.children() == null ? List.<AreaEntry>of() : entry.children()) {
            children.add(area(child, here));
        }
        QuietHours quiet = null;
        if (entry.quietHours() != null) {
            try {
                quiet = QuietHours.parse(entry.quietHours());
            } catch (IllegalArgumentException e) {
                fail(here, e.getMessage());
            }
        }
        if (entry.airtimeCapMinutes() != null && entry.airtimeCapMinutes() < 1) {
            fail(here, "airtimeCapMinutes must be at least 1");
        }
        return new Area(entry.id(), entry.name(), entry.level(), quiet, entry.airtimeCapMinutes(), children);
    }

    private void requireId(String id, String where) {
        if (id == null || !ID.matcher(id).matches()) {
            fail(where, "id must be 1-64 of A-Z a-z 0-9 . _ -, got " + (id == null ? "nothing" : "'" + id + "'"));
        }
    }

    private void fail(String where, String problem) {
        throw new ConfigException(file + ": " + where + ": " + problem);
    }
}
