package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import vn.loa.server.alert.Alert;
import vn.loa.server.alert.AlertDraft;
import vn.loa.server.alert.AlertRefused;
import vn.loa.server.alert.AlertService;
import vn.loa.server.auth.Access;

/**
 * /api/alerts: draft, preview, TEST, LIVE, confirm, cancel. TEST and LIVE are separate endpoints on
 * purpose, so no flag in a body can turn a rehearsal into the real thing. Every step needs emergency
 * rights over every target station; reading alerts needs only to share a station with them.
 */
public final class AlertsApi {
    private final AlertService alerts;
    private final Scopes scopes;

    /** Body of POST /api/alerts/{id}/cancel; may be empty. */
    public record CancelRequest(Boolean airCorrection) {
    }

    public AlertsApi(AlertService alerts, Scopes scopes) {
        this.alerts = alerts;
        this.scopes = scopes;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/alerts", Access.EMERGENCY, Endpoint.sync(this::draft))
                .add(HttpMethod.GET, "/api/alerts", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        alerts.list(r.param("state"), Params.limit(r, 100, 1_000)).stream()
                                .filter(a -> alerts.stations(a).stream().anyMatch(s -> scopes.reaches(r, s))).toList())))
                .add(HttpMethod.GET, "/api/alerts/{id}", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(visible(r))))
                .add(HttpMethod.GET, "/api/alerts/{id}/preview", Access.EMERGENCY, Endpoint.sync(r ->
                        ApiResponse.ok(alerts.preview(mine(r).id()))))
                .add(HttpMethod.POST, "/api/alerts/{id}/test", Access.EMERGENCY, Endpoint.sync(this::test))
                .add(HttpMethod.POST, "/api/alerts/{id}/live", Access.EMERGENCY, Endpoint.sync(this::live))
                .add(HttpMethod.POST, "/api/alerts/{id}/confirm", Access.EMERGENCY, Endpoint.sync(r ->
                        step(() -> ApiResponse.ok(alerts.confirm(mine(r).id(), r.principal())))))
                .add(HttpMethod.POST, "/api/alerts/{id}/cancel", Access.EMERGENCY, Endpoint.sync(this::cancel));
    }

    private ApiResponse draft(ApiRequest request) {
        AlertDraft body = Json.body(request, AlertDraft.class);
        return step(() -> {
            scopes.requireAll(request, alerts.stations(body.targets()), "this alert");
            return new ApiResponse(HttpResponseStatus.CREATED, alerts.draft(body, request.actor()));
        });
    }

    private ApiResponse test(ApiRequest request) {
        Alert a = mine(request);
        return step(() -> new ApiResponse(HttpResponseStatus.CREATED, Map.of("alert", a.id(), "mode", "TEST",
                "session", alerts.test(a.id(), request.actor()))));
    }

    private ApiResponse live(ApiRequest request) {
        Alert a = mine(request);
        return step(() -> {
            Alert after = alerts.goLive(a.id(), request.actor());
            return new ApiResponse(after.state().equals(Alert.AWAITING_CONFIRMATION) ? HttpResponseStatus.ACCEPTED
                    : HttpResponseStatus.OK, after);
        });
    }

    private ApiResponse cancel(ApiRequest request) {
        Alert a = mine(request);
        CancelRequest body = request.body().length == 0 ? new CancelRequest(false) : Json.body(request, CancelRequest.class);
        return step(() -> ApiResponse.ok(alerts.cancel(a.id(), request.actor(), Boolean.TRUE.equals(body.airCorrection()))));
    }

    private Alert find(ApiRequest request) {
        long id = Params.number(request.pathParam(0), "alert id");
        return alerts.find(id).orElseThrow(() -> ApiException.notFound("no alert " + id));
    }

    /** The alert, if every station it targets is the caller's. */
    private Alert mine(ApiRequest request) {
        Alert a = find(request);
        scopes.requireAll(request, alerts.stations(a), "alert " + a.id());
        return a;
    }

    private Alert visible(ApiRequest request) {
        Alert a = find(request);
        if (alerts.stations(a).stream().noneMatch(s -> scopes.reaches(request, s))) {
            throw ApiException.forbidden(request.principal(), "alert " + a.id() + " reaches none of your stations");
        }
        return a;
    }

    @FunctionalInterface
    private interface Step {
        ApiResponse run() throws Exception;
    }

    private static ApiResponse step(Step step) {
        try {
            return step.run();
        } catch (AlertRefused e) {
            throw new ApiException(e.conflict() ? HttpResponseStatus.CONFLICT : HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("alert step failed: " + e.getMessage(), e);
        }
    }
}
