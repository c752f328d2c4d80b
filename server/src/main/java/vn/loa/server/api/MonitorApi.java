package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import vn.loa.server.alert.Alert;
import vn.loa.server.alert.AlertService;
import vn.loa.server.auth.Access;
import vn.loa.server.monitor.Fault;
import vn.loa.server.monitor.SessionCounts;
import vn.loa.server.monitor.StationWatch;
import vn.loa.server.metrics.MetricsText;
import vn.loa.server.playout.BroadcastView;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.playout.PlayoutStats;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/** GET /api/faults (open faults in the caller's scope) and GET /metrics (Prometheus text format). */
public final class MonitorApi {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final StationWatch watch;
    private final PlayoutEngine engine;
    private final AlertService alerts;
    private final EventStream events;
    private final ListenHub listen;
    private final Scopes scopes;
    private final SessionCounts sessionCounts;
    private HttpConnections httpConnections = new HttpConnections(1, 1);

    public MonitorApi(StationDirectory directory, StationRegistry registry, StationWatch watch, PlayoutEngine engine,
                      AlertService alerts, EventStream events, ListenHub listen, Scopes scopes,
                      SessionCounts sessionCounts) {
        this.sessionCounts = sessionCounts;
        this.directory = directory;
        this.registry = registry;
        this.watch = watch;
        this.engine = engine;
        this.alerts = alerts;
        this.events = events;
        this.listen = listen;
        this.scopes = scopes;
    }

    /** The HTTP connection caps whose counts /metrics shows. */
    public MonitorApi httpConnections(HttpConnections connections) {
        this.httpConnections = connections;
        return this;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/faults", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        watch.faults().stream().filter(f -> scopes.reaches(r, f.station())).toList())))
                .add(HttpMethod.GET, "/metrics", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        new RawBody("text/plain; version=0.0.4; charset=utf-8", scrape().getBytes(StandardCharsets.UTF_8)))));
    }

    private String scrape() {
        Map<String, Integer> stations = new TreeMap<>(Map.of("online", 0, "offline", 0));
        for (StationDefinition s : directory.stations()) {
            if (s.enabled()) {
                stations.merge(registry.presence(s.id()).online() ? "online" : "offline", 1, Integer::sum);
            }
        }
        Map<String, Integer> sessions = new TreeMap<>(Map.of("BACKGROUND", 0, "NORMAL", 0, "PRIORITY", 0, "EMERGENCY", 0));
        try {
            for (BroadcastView b : engine.broadcasts().get(5, TimeUnit.SECONDS)) {
                if (b.state().equals(BroadcastView.ON_AIR)) {
                    sessions.merge(b.priority(), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("playout did not answer: " + e, e);
        }
        Map<String, Integer> faults = new TreeMap<>(Map.of(Fault.SPEAKER_LINE, 0, Fault.AMPLIFIER, 0, Fault.OFFLINE, 0));
        watch.faults().forEach(f -> faults.merge(f.kind(), 1, Integer::sum));
        PlayoutStats stats = engine.stats();
        return new MetricsText()
                .gauges("loa_stations", "Enabled stations by connection state", "state", stations)
                .gauges("loa_sessions", "Live sessions by priority class", "class", sessions)
                .gauges("loa_faults", "Open station faults by kind", "kind", faults)
                .gauge("loa_alerts_active", "Alerts on air now", alerts.list(Alert.ACTIVE, 1_000).size())
                .counter("loa_audio_frames_sent_total", "MP3 frames handed to receiver connections", stats.framesSent.sum())
                .counter("loa_receivers_lagged_total", "Times a receiver fell behind and had audio skipped forward",
                        stats.laggedReceivers.sum())
                .gauge("loa_event_viewers", "Open /api/events streams", events.viewers())
                .counter("loa_events_dropped_total", "Live events not sent to a viewer whose connection was full",
                        events.dropped())
                .gauge("loa_listeners", "Open /listen streams", listen.listeners())
                .counter("loa_receiver_preauth_refused_total", "Receiver connections closed in the handshake to make room: all handshake slots were taken",
                        registry.counters().refusedTotalCap())
                .counter("loa_receiver_preauth_address_refused_total",
                        "Receiver connections closed in the handshake to make room: too many in the handshake from their address",
                        registry.counters().refusedAddressCap())
                .counter("loa_receiver_status_throttled_total", "STATUS reports over a connection's rate, folded into a later one",
                        registry.counters().statusThrottledCount())
                .counter("loa_station_history_coalesced_total", "Station history rows folded into a per-minute summary",
                        registry.counters().historyCoalesced())
                .gauge("loa_http_connections", "Open HTTP connections", httpConnections.open())
                .counters("loa_http_connections_closed_total", "HTTP connections closed by the connection caps, by reason",
                        "reason", new TreeMap<>(Map.of("address_cap", httpConnections.evictedForAddress(),
                                "total_cap", httpConnections.evictedForTotal(), "all_busy", httpConnections.refused())))
                .counters("loa_session_events_total", "Session events published by playout, by kind", "event",
                        sessionCounts.snapshot())
                .histogram(alerts.latency)
                .histogram(stats.scheduleLateness)
                .toString();
    }
}
