package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.server.auth.Access;
import vn.loa.server.schedule.ScheduleView;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.confirm.Confirmations;
import vn.loa.server.policy.AirPolicy;
import vn.loa.server.schedule.Misfire;
import vn.loa.server.schedule.Recurrence;
import vn.loa.server.schedule.SameClass;
import vn.loa.server.schedule.ScheduleEntry;
import vn.loa.server.schedule.ScheduleService;

/**
 * /api/schedules: programme entries that put a broadcast on air at its times. An entry the two-person
 * rule holds answers 202 and is made (or replaces the old one) only when a second officer confirms.
 */
public final class SchedulesApi {
    private static final int MAX_OCCURRENCES = 5_000;
    private final ScheduleService schedules;
    private final AirPolicy policy;
    private final Confirmations confirmations;

    /** Body of POST /api/schedules. */
    public record ScheduleRequest(String title, BroadcastRequest broadcast, Recurrence recurrence, String timeZone,
                                  Instant validFrom, Instant validUntil, Misfire misfire, SameClass sameClass,
                                  Boolean allowConflicts) {
    }

    public SchedulesApi(ScheduleService schedules, AirPolicy policy, Confirmations confirmations) {
        this.schedules = schedules;
        this.policy = policy;
        this.confirmations = confirmations;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/schedules/upcoming", Access.MONITOR, Endpoint.sync(this::upcoming))
                .add(HttpMethod.POST, "/api/schedules", Access.CONTENT, Endpoint.sync(this::create))
                .add(HttpMethod.GET, "/api/schedules", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(visible(r))))
                .add(HttpMethod.GET, "/api/schedules/{id}", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(mine(r))))
                .add(HttpMethod.PUT, "/api/schedules/{id}", Access.CONTENT, Endpoint.sync(this::replace))
                .add(HttpMethod.DELETE, "/api/schedules/{id}", Access.CONTENT, Endpoint.sync(this::delete));
    }

    private List<ScheduleView> visible(ApiRequest request) {
        return schedules.list().stream().filter(v -> policy.visible(request.principal(), v.broadcast())).toList();
    }

    /** The entry, if it exists (404) and all its stations are the caller's (403). */
    private ScheduleView mine(ApiRequest request) {
        long id = id(request);
        ScheduleView v = schedules.get(id).orElseThrow(() -> ApiException.notFound("no schedule " + id).withCode("no_such_schedule").withParam("id", id));
        policy.requireMayAct(request.principal(), v.broadcast(), "schedule " + id);
        return v;
    }

    private ApiResponse create(ApiRequest request) {
        ScheduleRequest body = Json.body(request, ScheduleRequest.class);
        AirPolicy.Clearance cleared = policy.clearSchedule(request.principal(), body.broadcast(), "this schedule");
        ScheduleEntry entry = entry(body, cleared.request());
        boolean allowConflicts = Boolean.TRUE.equals(body.allowConflicts());
        if (cleared.needsSecondOfficer()) {
            schedules.check(entry, 0, allowConflicts);
            return new ApiResponse(HttpResponseStatus.ACCEPTED,
                    confirmations.holdSchedule(request.principal(), cleared, entry, allowConflicts, null));
        }
        return new ApiResponse(HttpResponseStatus.CREATED, schedules.create(entry, allowConflicts));
    }

    private ApiResponse replace(ApiRequest request) {
        long id = id(request);
        ScheduleRequest body = Json.body(request, ScheduleRequest.class);
        mine(request);
        AirPolicy.Clearance cleared = policy.clearSchedule(request.principal(), body.broadcast(), "this schedule");
        ScheduleEntry entry = entry(body, cleared.request());
        boolean allowConflicts = Boolean.TRUE.equals(body.allowConflicts());
        if (cleared.needsSecondOfficer()) {
            schedules.check(entry, id, allowConflicts);
            return new ApiResponse(HttpResponseStatus.ACCEPTED,
                    confirmations.holdSchedule(request.principal(), cleared, entry, allowConflicts, id));
        }
        return ApiResponse.ok(schedules.replace(id, entry, allowConflicts)
                .orElseThrow(() -> ApiException.notFound("no schedule " + id).withCode("no_such_schedule").withParam("id", id)));
    }

    /** The entry as it may be stored: its broadcast as the policy cleared it (the user's own issuer level). */
    private static ScheduleEntry entry(ScheduleRequest body, BroadcastRequest broadcast) {
        return new ScheduleEntry(0, body.title(), broadcast, body.recurrence(), body.timeZone(), body.validFrom(),
                body.validUntil(), body.misfire() == null ? Misfire.SKIP : body.misfire(), body.sameClass(), null);
    }

    /** Concrete airings for a calendar; the window defaults to the next 7 days and may span at most 62. */
    private ApiResponse upcoming(ApiRequest request) {
        Instant from = request.param("from") == null ? Instant.now() : Params.instant(request, "from");
        Instant to = request.param("to") == null ? from.plus(Duration.ofDays(7)) : Params.instant(request, "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(Duration.ofDays(62)) > 0) {
            throw ApiException.badRequest("to must be after from, at most 62 days later").withCode("invalid_period")
                    .withParam("days", 62);
        }
        Set<Long> mine = visible(request).stream().map(ScheduleView::id).collect(Collectors.toSet());
        return ApiResponse.ok(schedules.upcoming(from, to, request.param("station"), MAX_OCCURRENCES).stream()
                .filter(o -> mine.contains(o.schedule())).toList());
    }

    private ApiResponse delete(ApiRequest request) {
        long id = id(request);
        mine(request);
        if (!schedules.delete(id)) {
            throw ApiException.notFound("no schedule " + id).withCode("no_such_schedule").withParam("id", id);
        }
        return ApiResponse.ok(Map.of("id", id, "status", "DELETED"));
    }

    private static long id(ApiRequest r) {
        return Params.number(r.pathParam(0), "schedule id");
    }
}
