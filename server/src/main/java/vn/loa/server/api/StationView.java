package vn.loa.server.api;

import java.time.Instant;
import java.util.List;
import vn.loa.server.playout.NowPlaying;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationPresence;
import vn.loa.server.station.StationStatus;

/** A station in /api/stations (a contract: id, name, online, lastSeen, status, nowPlaying at least). */
public record StationView(String id, String name, String area, List<AreaRef> areaPath, List<String> tags,
                          Double lat, Double lon, boolean enabled, boolean online, Instant lastSeen,
                          Instant connectedSince, String offlineReason, String remoteAddress, String firmware,
                          List<String> capabilities, StationStatus status, NowPlaying.View nowPlaying) {

    public record AreaRef(String id, String name, String level) {
        static AreaRef of(Area a) {
            return new AreaRef(a.id(), a.name(), a.level());
        }
    }

    static StationView of(StationDefinition s, StationPresence p, StationDirectory directory, NowPlaying.View playing) {
        List<AreaRef> path = directory.pathTo(s.areaId()).stream().map(AreaRef::of).toList();
        return new StationView(s.id(), s.name(), s.areaId(), path, s.tags(), s.latitude(), s.longitude(), s.enabled(),
                p.online(), p.lastSeen(), p.connectedSince(), p.online() ? null : p.offlineReason(), p.remoteAddress(),
                p.firmware(), p.capabilities().stream().sorted().toList(), p.status(), playing);
    }

    /** Why it is offline as a stable code for the console ({@code reason.<CODE>}); null when online. */
    @com.fasterxml.jackson.annotation.JsonProperty("offlineReasonCode")
    public String offlineReasonCode() {
        return vn.loa.server.asrun.ReasonCodes.of(offlineReason);
    }
}
