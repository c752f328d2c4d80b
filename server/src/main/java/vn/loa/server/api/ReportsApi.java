package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.loa.server.alert.Alert;
import vn.loa.server.alert.AlertService;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.auth.Access;
import vn.loa.server.station.FaultSpans;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationEvent;
import vn.loa.server.station.StationHistory;

/**
 * /api/reports: the figures communes report upward, in the caller's scope. Airtime is summed from the
 * as-run log (from a start, resume or rejoin to the next end on the same station and session) per
 * commune per day or month in the server's zone; alerts with how many stations they reached and how
 * long after going live; faults from the stations' history.
 */
public final class ReportsApi {
    private static final Set<String> OPENS = Set.of(AsRunEntry.STARTED, AsRunEntry.RESUMED, AsRunEntry.RESTARTED,
            AsRunEntry.REJOINED);
    private static final Set<String> CLOSES = Set.of(AsRunEntry.COMPLETED, AsRunEntry.PREEMPTED, AsRunEntry.CANCELLED,
            AsRunEntry.DROPPED, AsRunEntry.LINK_LOST, AsRunEntry.INTERRUPTED);
    private static final int MAX_ENTRIES = 200_000;
    private final AsRunLog asRun;
    private final AlertService alerts;
    private final StationHistory history;
    private final StationDirectory directory;
    private final Scopes scopes;
    private final ZoneId zone;

    public record Airtime(String commune, String period, long seconds, int sessions) {
    }

    public record AlertReach(long id, String title, String state, Instant activatedAt, int targeted, int reached,
                             Long medianLatencyMs, Long maxLatencyMs) {
    }

    public ReportsApi(AsRunLog asRun, AlertService alerts, StationHistory history, StationDirectory directory,
                      Scopes scopes, ZoneId zone) {
        this.asRun = asRun;
        this.alerts = alerts;
        this.history = history;
        this.directory = directory;
        this.scopes = scopes;
        this.zone = zone;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/reports/airtime", Access.MONITOR, Endpoint.sync(this::airtime))
                .add(HttpMethod.GET, "/api/reports/alerts", Access.MONITOR, Endpoint.sync(this::alerts))
                .add(HttpMethod.GET, "/api/reports/faults", Access.MONITOR, Endpoint.sync(this::faults));
    }

    private ApiResponse airtime(ApiRequest r) {
        Instant from = Params.instant(r, "from");
        Instant to = Params.instant(r, "to") == null ? Instant.now() : Params.instant(r, "to");
        String group = r.param("group") == null ? "day" : r.param("group");
        if (!group.equals("day") && !group.equals("month")) {
            throw ApiException.badRequest("group must be day or month, not '" + group + "'").withCode("invalid_request");
        }
        DateTimeFormatter period = DateTimeFormatter.ofPattern(group.equals("day") ? "yyyy-MM-dd" : "yyyy-MM").withZone(zone);
        Map<String, Instant> open = new HashMap<>();
        Map<List<String>, long[]> totals = new TreeMap<>((a, b) -> (a.get(0) + "\u0000" + a.get(1)).compareTo(b.get(0) + "\u0000" + b.get(1)));
        for (AsRunEntry e : asRun.query(null, null, from, to, MAX_ENTRIES)) {
            if (!scopes.reaches(r, e.station())) {
                continue;
            }
            String key = e.station() + "/" + e.session();
            if (OPENS.contains(e.event())) {
                open.putIfAbsent(key, e.time());
            } else if (CLOSES.contains(e.event()) && open.containsKey(key)) {
                Instant start = open.remove(key);
                long[] t = totals.computeIfAbsent(List.of(commune(e.station()), period.format(start)), k -> new long[2]);
                t[0] += Duration.between(start, e.time()).toMillis();
                t[1]++;
            }
        }
        List<Airtime> out = new ArrayList<>();
        totals.forEach((k, t) -> out.add(new Airtime(k.get(0), k.get(1), Math.round(t[0] / 1000.0), (int) t[1])));
        return ApiResponse.ok(out);
    }

    private ApiResponse alerts(ApiRequest r) {
        List<AlertReach> out = new ArrayList<>();
        for (Alert a : alerts.list(null, Params.limit(r, 200, 1_000))) {
            Set<String> targets = alerts.stations(a);
            if (targets.stream().noneMatch(s -> scopes.reaches(r, s))) {
                continue;
            }
            List<Long> latencies = new ArrayList<>();
            if (a.sessionId() != null && a.activatedAt() != null) {
                Map<String, Instant> first = new LinkedHashMap<>();
                for (AsRunEntry e : asRun.query(null, a.sessionId(), null, null, 100_000)) {
                    boolean heard = (e.event().equals(AsRunEntry.STARTED) && e.reason() == null)
                            || e.event().equals(AsRunEntry.REJOINED);
                    if (heard) {
                        first.putIfAbsent(e.station(), e.time());
                    }
                }
                first.values().forEach(t -> latencies.add(Math.max(0, Duration.between(a.activatedAt(), t).toMillis())));
            }
            latencies.sort(Long::compare);
            out.add(new AlertReach(a.id(), a.title(), a.state(), a.activatedAt(), targets.size(), latencies.size(),
                    latencies.isEmpty() ? null : latencies.get(latencies.size() / 2),
                    latencies.isEmpty() ? null : latencies.get(latencies.size() - 1)));
        }
        return ApiResponse.ok(out);
    }

    /** Faults only (drop-offs and fault flags), newest first, each with when it cleared. */
    private ApiResponse faults(ApiRequest r) {
        Set<String> kinds = Set.of(StationEvent.FAULT, StationEvent.RECOVERED, StationEvent.OFFLINE, StationEvent.ONLINE);
        List<StationEvent> events = history.query(null, Params.instant(r, "from"), Params.instant(r, "to"),
                        Params.limit(r, 5_000, 50_000)).stream()
                .filter(e -> kinds.contains(e.kind()) && scopes.reaches(r, e.station())).toList();
        return ApiResponse.ok(FaultSpans.of(events));
    }

    private String commune(String station) {
        return directory.station(station).map(directory::communeName).orElse(station);
    }
}
