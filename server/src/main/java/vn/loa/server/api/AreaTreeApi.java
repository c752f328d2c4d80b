package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import vn.loa.server.auth.Access;
import vn.loa.server.station.Area;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/**
 * GET /api/areas/tree: the administrative tree as a person picks targets from it, each node with how
 * many of the caller's enabled stations stand in it or below it and how many of those are online.
 * Nodes with none of the caller's stations are left out, so an officer sees only what they may target.
 */
public final class AreaTreeApi {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final Scopes scopes;

    /** One node of the picker's tree. */
    public record Node(String id, String name, String level, int stations, int online, List<Node> children) {
    }

    public AreaTreeApi(StationDirectory directory, StationRegistry registry, Scopes scopes) {
        this.directory = directory;
        this.registry = registry;
        this.scopes = scopes;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/areas/tree", Access.MONITOR, Endpoint.sync(r -> {
            List<StationDefinition> mine = directory.stations().stream()
                    .filter(s -> s.enabled() && scopes.reaches(r, s.id())).toList();
            List<Node> out = new ArrayList<>();
            for (Area root : directory.roots()) {
                Node n = node(root, mine);
                if (n.stations() > 0) {
                    out.add(n);
                }
            }
            return ApiResponse.ok(out);
        }));
    }

    private Node node(Area area, List<StationDefinition> mine) {
        List<StationDefinition> within = mine.stream().filter(s -> directory.isWithin(s, area.id())).toList();
        int online = (int) within.stream().filter(s -> registry.presence(s.id()).online()).count();
        List<Node> children = new ArrayList<>();
        for (Area child : area.children()) {
            Node c = node(child, within);
            if (c.stations() > 0) {
                children.add(c);
            }
        }
        return new Node(area.id(), area.name(), area.level(), within.size(), online, children);
    }
}
