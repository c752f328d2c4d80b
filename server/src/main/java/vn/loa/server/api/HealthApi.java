package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import vn.loa.server.auth.Access;
import java.time.Duration;
import java.time.Instant;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/** GET /api/health: is the server up, and how many stations it reaches. */
public final class HealthApi {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final Instant startedAt;

    public record Health(String status, String version, long uptimeSeconds, StationCounts stations) {
    }

    public record StationCounts(int total, long enabled, long online) {
    }

    public HealthApi(StationDirectory directory, StationRegistry registry) {
        this.directory = directory;
        this.registry = registry;
        this.startedAt = registry.now();
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/health", Access.PUBLIC, Endpoint.sync(r -> ApiResponse.ok(health())));
    }

    private Health health() {
        long enabled = directory.stations().stream().filter(s -> s.enabled()).count();
        String version = HealthApi.class.getPackage().getImplementationVersion();
        return new Health("UP", version == null ? "dev" : version,
                Duration.between(startedAt, registry.now()).toSeconds(),
                new StationCounts(directory.stations().size(), enabled, registry.onlineCount()));
    }
}
