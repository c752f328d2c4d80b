package vn.loa.server.station;

import java.util.List;

/** A receiver as configured: who it is and where it stands. Runtime state lives in {@link StationPresence}. */
public record StationDefinition(String id, String name, String areaId, List<String> tags, Double latitude,
                                Double longitude, boolean enabled) {

    public StationDefinition {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
