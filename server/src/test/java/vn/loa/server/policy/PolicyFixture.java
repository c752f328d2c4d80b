package vn.loa.server.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Role;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;

/**
 * A small tree for policy unit tests, without a server: a province with one district of two communes
 * (two stations each) and one commune directly under the province (the 2025 reform), plus a ward whose
 * level word is unknown to the issuer levels.
 */
final class PolicyFixture {
    static final StationDirectory DIRECTORY = directory();

    private PolicyFixture() {
    }

    private static StationDirectory directory() {
        Area communeA = new Area("xa-a", "Xã A", "commune", null, null, null);
        Area communeB = new Area("xa-b", "Xã B", "commune", null, null, null);
        Area district = new Area("huyen", "Huyện", "district", null, null, List.of(communeA, communeB));
        Area ward = new Area("phuong", "Phường", "ward", null, null, null);
        Area communeC = new Area("xa-c", "Xã C", "commune", null, null, List.of(ward));
        Area province = new Area("tinh", "Tỉnh", "province", null, null, List.of(district, communeC));
        List<StationDefinition> stations = new ArrayList<>();
        for (String area : List.of("xa-a", "xa-b", "phuong")) {
            for (int i = 1; i <= 2; i++) {
                stations.add(new StationDefinition(area + "-" + i, area + " " + i, area, null, null, null, true));
            }
        }
        return new StationDirectory(List.of(province), stations);
    }

    static Principal user(String name, Role role, String... scopes) {
        return new Principal(name, role, Set.of(scopes));
    }

    static AirPolicy air(int confirmAboveCommunes) {
        StationScope scope = new StationScope(DIRECTORY);
        return new AirPolicy(new BroadcastPlanner(new MediaLibrary(Path.of("no-media")), DIRECTORY, null), scope,
                new IssuerLevels(DIRECTORY), new TwoPersonRule(DIRECTORY, confirmAboveCommunes));
    }

    static BroadcastRequest request(String priority, String issuerLevel, String... areas) {
        return new BroadcastRequest(null, List.of("tone.mp3"), null, new BroadcastRequest.Targets(null, List.of(areas),
                null, null), priority, null, issuerLevel, null, null, null, null, null, null);
    }
}
