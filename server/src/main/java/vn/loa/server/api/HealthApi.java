package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import vn.loa.server.auth.Access;
import vn.loa.server.store.StorageHealth;
import java.time.Duration;
import java.time.Instant;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/**
 * GET /api/health: is the server up, how many stations it reaches, and whether its store takes
 * writes. DEGRADED (a full disk, a lost database, rows held for the disk) answers 503 so a load
 * balancer sees it, with the same JSON body saying why.
 */
public final class HealthApi {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final Instant startedAt;
    private final StorageHealth storage;

    public record Health(String status, String version, long uptimeSeconds, StationCounts stations,
                         StorageHealth.Report storage) {
    }

    public record StationCounts(int total, long enabled, long online) {
    }

    public HealthApi(StationDirectory directory, StationRegistry registry, StorageHealth storage) {
        this.storage = storage;
        this.directory = directory;
        this.registry = registry;
        this.startedAt = registry.now();
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/health", Access.PUBLIC, Endpoint.sync(r -> {
            Health h = health();
            return new ApiResponse(h.storage().up() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, h);
        }));
    }

    private Health health() {
        long enabled = directory.stations().stream().filter(s -> s.enabled()).count();
        String version = HealthApi.class.getPackage().getImplementationVersion();
        StorageHealth.Report store = storage.report();
        return new Health(store.status(), version == null ? "dev" : version,
                Duration.between(startedAt, registry.now()).toSeconds(),
                new StationCounts(directory.stations().size(), enabled, registry.onlineCount()), store);
    }
}
