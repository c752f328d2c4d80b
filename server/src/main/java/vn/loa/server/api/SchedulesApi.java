package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.Map;
import vn.loa.server.broadcast.BroadcastRequest;
import vn.loa.server.schedule.Misfire;
import vn.loa.server.schedule.Recurrence;
import vn.loa.server.schedule.ScheduleEntry;
import vn.loa.server.schedule.ScheduleService;

/** /api/schedules: programme entries that put a broadcast on air at its times. */
public final class SchedulesApi {
    private final ScheduleService schedules;

    /** Body of POST /api/schedules. */
    public record ScheduleRequest(String title, BroadcastRequest broadcast, Recurrence recurrence, String timeZone,
                                  Instant validFrom, Instant validUntil, Misfire misfire) {
    }

    public SchedulesApi(ScheduleService schedules) {
        this.schedules = schedules;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/schedules", Endpoint.sync(this::create))
                .add(HttpMethod.GET, "/api/schedules", Endpoint.sync(r -> ApiResponse.ok(schedules.list())))
                .add(HttpMethod.GET, "/api/schedules/{id}", Endpoint.sync(r -> ApiResponse.ok(schedules.get(id(r))
                        .orElseThrow(() -> ApiException.notFound("no schedule " + r.pathParam(0))))))
                .add(HttpMethod.DELETE, "/api/schedules/{id}", Endpoint.sync(this::delete));
    }

    private ApiResponse create(ApiRequest request) {
        ScheduleRequest body = Json.body(request, ScheduleRequest.class);
        return new ApiResponse(HttpResponseStatus.CREATED, schedules.create(new ScheduleEntry(0, body.title(),
                body.broadcast(), body.recurrence(), body.timeZone(), body.validFrom(), body.validUntil(),
                body.misfire() == null ? Misfire.SKIP : body.misfire(), null)));
    }

    private ApiResponse delete(ApiRequest request) {
        long id = id(request);
        if (!schedules.delete(id)) {
            throw ApiException.notFound("no schedule " + id);
        }
        return ApiResponse.ok(Map.of("id", id, "status", "DELETED"));
    }

    private static long id(ApiRequest r) {
        try {
            return Long.parseLong(r.pathParam(0));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("schedule id must be a number, not '" + r.pathParam(0) + "'");
        }
    }
}
