package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.loa.server.auth.Access;
import vn.loa.server.playout.BroadcastView;
import java.util.concurrent.CompletableFuture;
import vn.loa.server.asrun.AsRunEntry;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.broadcast.SessionJournal;
import vn.loa.server.broadcast.SessionLauncher;
import vn.loa.server.broadcast.SessionRecord;
import vn.loa.server.confirm.Confirmations;
import vn.loa.server.policy.AirPolicy;

/**
 * /api/broadcasts and /api/asrun: start, list and stop sessions; read what aired. A broadcast the
 * two-person rule holds answers 202 with the request waiting for a second officer (/api/confirmations).
 */
public final class BroadcastsApi {
    private static final Duration MAX_AT_AHEAD = Duration.ofHours(1);
    /** A time in a refusal as the console's readers write it; Vietnam keeps one zone. */
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final Duration MAX_AT_LATENESS = Duration.ofSeconds(2);
    private final BroadcastPlanner planner;
    private final PlayoutEngine engine;
    private final AsRunLog asRun;
    private final SessionLauncher launcher;
    private final SessionJournal journal;
    private final AirPolicy policy;
    private final Confirmations confirmations;

    public BroadcastsApi(BroadcastPlanner planner, PlayoutEngine engine, SessionLauncher launcher,
                         SessionJournal journal, AsRunLog asRun, AirPolicy policy, Confirmations confirmations) {
        this.policy = policy;
        this.confirmations = confirmations;
        this.journal = journal;
        this.planner = planner;
        this.launcher = launcher;
        this.engine = engine;
        this.asRun = asRun;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/broadcasts", Access.CONTENT, this::create)
                .add(HttpMethod.GET, "/api/broadcasts", Access.MONITOR, r -> engine.broadcasts().thenApply(all ->
                        ApiResponse.ok(all.stream().filter(b -> visible(r, b)).toList())))
                .add(HttpMethod.DELETE, "/api/broadcasts/{id}", Access.CONTENT, this::cancel)
                .add(HttpMethod.GET, "/api/asrun", Access.MONITOR, Endpoint.sync(this::asRun))
                .add(HttpMethod.GET, "/api/sessions", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        journal.query(r.param("state"), Params.limit(r, 100, 10_000)).stream()
                                .filter(s -> policy.visible(r.principal(), s.request())).toList())));
    }

    private boolean visible(ApiRequest request, BroadcastView b) {
        return Stream.concat(b.playing().stream(), b.waiting().stream()).anyMatch(s -> policy.scope().reaches(request.principal(), s));
    }

    private CompletableFuture<ApiResponse> create(ApiRequest request) {
        AirPolicy.Clearance cleared = policy.clear(request.principal(), Json.body(request, BroadcastRequest.class),
                "this broadcast");
        BroadcastRequest body = cleared.request();
        BroadcastPlan plan = planner.plan(body, cleared.stations());
        Instant at = at(body.at());
        if (cleared.needsSecondOfficer()) {
            if (at != null) {
                throw ApiException.badRequest("an EMERGENCY over " + cleared.communes().size() + " communes waits for a "
                        + "second officer, so it cannot be timed with 'at'; ask for it now, or make a schedule entry")
                        .withCode("confirmation_cannot_be_timed").withParam("communes", cleared.communes().size());
            }
            return CompletableFuture.completedFuture(new ApiResponse(HttpResponseStatus.ACCEPTED,
                    confirmations.holdBroadcast(request.principal(), cleared, plan.title())));
        }
        String origin = "api, " + request.actor();
        if (at != null) {
            // Answered once journaled, not at air time: listed, cancellable and kept across a restart meanwhile.
            return launcher.hold(body, plan, at, origin).thenApply(id -> new ApiResponse(HttpResponseStatus.CREATED,
                    Map.of("id", id, "state", BroadcastView.HELD, "at", at.toString(), "title", plan.title(),
                            "priority", plan.priority().name(), "stations", plan.stations().size(),
                            "durationMs", plan.programme().durationMillis())));
        }
        return launcher.start(body, plan, null, origin).thenApply(id -> new ApiResponse(HttpResponseStatus.CREATED, Map.of(
                "id", id, "state", BroadcastView.ON_AIR, "title", plan.title(), "priority", plan.priority().name(),
                "stations", plan.stations().size(), "durationMs", plan.programme().durationMillis())));
    }

    /**
     * An instant to be audible at, at most an hour ahead: anything later, or repeating, belongs in a
     * schedule entry, which operators see and edit as a programme.
     */
    private static Instant at(String value) {
        Instant at = BroadcastPlanner.instant(value);
        if (at == null) {
            return null;
        }
        Instant now = Instant.now();
        if (at.isBefore(now.minus(MAX_AT_LATENESS))) {
            throw ApiException.badRequest("at " + at + " is in the past").withCode("time_in_past")
                    .withParam("at", LOCAL.format(at));
        }
        if (at.isAfter(now.plus(MAX_AT_AHEAD))) {
            throw ApiException.badRequest("at " + at + " is more than an hour ahead; make a schedule entry "
                    + "(POST /api/schedules with a once recurrence)").withCode("time_too_far_ahead")
                    .withParam("at", LOCAL.format(at)).withParam("minutes", MAX_AT_AHEAD.toMinutes());
        }
        return at;
    }

    /**
     * Stops a broadcast by the id its client was given, even across restarts: a session put back on air
     * (or held again) after a restart runs under a new id, which the journal's resumed-as chain leads to.
     */
    private CompletableFuture<ApiResponse> cancel(ApiRequest request) {
        long asked = Params.number(request.pathParam(0), "broadcast id");
        long id = launcher.successor(asked).map(SessionRecord::id).orElse(asked);
        return engine.broadcasts().thenCompose(all -> {
            all.stream().filter(b -> b.id() == id).findFirst().ifPresent(b -> mayStop(request, b));
            return launcher.cancel(id);
        }).thenApply(found -> {
            if (!found) {
                throw ApiException.notFound("no live or held broadcast " + asked).withCode("no_such_broadcast")
                        .withParam("id", asked);
            }
            return ApiResponse.ok(id == asked ? Map.of("id", asked, "status", "CANCELLED")
                    : Map.of("id", asked, "status", "CANCELLED", "session", id));
        });
    }

    private void mayStop(ApiRequest request, BroadcastView b) {
        policy.requireMayStop(request.principal(), b.priority(),
                Stream.concat(b.playing().stream(), b.waiting().stream()).toList(), "broadcast " + b.id());
    }

    /** A session asked for by id brings the sessions it was put back on air as after restarts, in order. */
    private ApiResponse asRun(ApiRequest r) {
        String session = r.param("session");
        int limit = Params.limit(r, 10_000, 100_000);
        List<Long> sessions = new ArrayList<>();
        if (session != null) {
            long asked = Params.number(session, "session");
            journal.chain(asked).forEach(s -> sessions.add(s.id()));
            if (sessions.isEmpty()) {
                sessions.add(asked);
            }
        } else {
            sessions.add(null);
        }
        List<AsRunEntry> out = new ArrayList<>();
        for (Long id : sessions) {
            out.addAll(asRun.query(r.param("station"), id, Params.instant(r, "from"), Params.instant(r, "to"),
                    limit - out.size()));
            if (out.size() >= limit) {
                break;
            }
        }
        return ApiResponse.ok(out.stream().filter(e -> policy.scope().reaches(r.principal(), e.station())).toList());
    }
}
