package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import vn.loa.server.alert.Alert;
import vn.loa.server.alert.AlertContent;
import vn.loa.server.alert.AlertVoice;
import vn.loa.server.alert.AlertDraft;
import vn.loa.server.alert.AlertRefused;
import vn.loa.server.alert.AlertService;
import vn.loa.server.auth.Access;
import vn.loa.server.playout.NowPlaying;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationRegistry;

/**
 * /api/alerts: draft, preview, TEST, LIVE, confirm, cancel. TEST and LIVE are separate endpoints on
 * purpose, so no flag in a body can turn a rehearsal into the real thing. Every step needs emergency
 * rights over every target station; reading alerts needs only to share a station with them.
 */
public final class AlertsApi {
    private final AlertService alerts;
    private final Scopes scopes;
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final Function<String, Optional<NowPlaying.View>> nowPlaying;
    private AlertVoice voice;

    /**
     * GET /api/alerts/{id}/reach: where the alert stands on the caller's stations right now. {@code repeatNow}
     * is which airing of the message the first station playing it is in (1-based), null when none is.
     */
    public record Reach(long alert, String state, int targeted, int online, int offline, int playing, int testPlaying,
                        int repeat, Integer repeatNow, List<StationReach> stations) {
    }

    /** One target station: {@code playing} is LIVE, TEST or null. */
    public record StationReach(String id, String name, String commune, boolean online, String playing, Double lat,
                               Double lon) {
    }

    /** Body of POST /api/alerts/{id}/cancel; may be empty. */
    public record CancelRequest(Boolean airCorrection) {
    }

    public AlertsApi(AlertService alerts, Scopes scopes, StationDirectory directory, StationRegistry registry,
                     Function<String, Optional<NowPlaying.View>> nowPlaying) {
        this.alerts = alerts;
        this.scopes = scopes;
        this.directory = directory;
        this.registry = registry;
        this.nowPlaying = nowPlaying;
    }

    /** Alerts with a message and no recording get their recording spoken from the message. */
    public AlertsApi voice(AlertVoice speaker) {
        this.voice = speaker;
        return this;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/alerts", Access.EMERGENCY, this::draft)
                .add(HttpMethod.GET, "/api/alerts", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(
                        alerts.list(r.param("state"), Params.limit(r, 100, 1_000)).stream()
                                .filter(a -> alerts.stations(a).stream().anyMatch(s -> scopes.reaches(r, s))).toList())))
                .add(HttpMethod.GET, "/api/alerts/{id}", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(visible(r))))
                .add(HttpMethod.GET, "/api/alerts/{id}/preview", Access.EMERGENCY, Endpoint.sync(r ->
                        ApiResponse.ok(alerts.preview(mine(r).id()))))
                .add(HttpMethod.GET, "/api/alerts/{id}/reach", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(reach(r))))
                .add(HttpMethod.POST, "/api/alerts/{id}/test", Access.EMERGENCY, Endpoint.sync(this::test))
                .add(HttpMethod.POST, "/api/alerts/{id}/test/stop", Access.EMERGENCY, Endpoint.sync(r -> {
                    Alert a = mine(r);
                    return step(() -> ApiResponse.ok(Map.of("alert", a.id(), "stopped", alerts.stopTest(a.id(), r.actor()))));
                }))
                .add(HttpMethod.POST, "/api/alerts/{id}/live", Access.EMERGENCY, Endpoint.sync(this::live))
                .add(HttpMethod.POST, "/api/alerts/{id}/confirm", Access.EMERGENCY, Endpoint.sync(r ->
                        step(() -> ApiResponse.ok(alerts.confirm(mine(r).id(), r.principal())))))
                .add(HttpMethod.POST, "/api/alerts/{id}/cancel", Access.EMERGENCY, Endpoint.sync(this::cancel));
    }

    /**
     * A draft; one with a message and no recording is spoken first (attention tone still before it), so the
     * answer then completes when the speech is in the library and the draft stored.
     */
    private CompletableFuture<ApiResponse> draft(ApiRequest request) {
        AlertDraft body = Json.body(request, AlertDraft.class);
        scopes.requireAll(request, alerts.stations(body.targets()), "this alert");
        if (voice == null || !AlertContent.needsSpeech(body)) {
            return CompletableFuture.completedFuture(step(() -> new ApiResponse(HttpResponseStatus.CREATED,
                    alerts.draft(body, request.actor()))));
        }
        if (body.message().length() > 4000) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "alert_message_too_long",
                    "message must be at most 4000 characters").withParam("max", 4000);
        }
        return SpeechRefusals.translated(() -> voice.speak(body.title(), body.message(), request.principal()).thenApply(spoken -> {
            try {
                return step(() -> new ApiResponse(HttpResponseStatus.CREATED, alerts.draft(body, request.actor(), spoken)));
            } catch (RuntimeException refused) {
                try {
                    voice.discard(spoken, request.principal());
                } catch (RuntimeException e) {
                    refused.addSuppressed(e); // the refusal is what the officer must read; the leftover rides along
                }
                throw refused;
            }
        }));
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

    private Reach reach(ApiRequest request) {
        Alert a = visible(request);
        List<StationReach> out = new ArrayList<>();
        int online = 0;
        int live = 0;
        int test = 0;
        Integer repeatNow = null;
        int repeat = a.content().repeat() == null ? 1 : a.content().repeat();
        for (String id : alerts.stations(a).stream().sorted().toList()) {
            Optional<StationDefinition> s = directory.station(id);
            if (s.isEmpty() || !scopes.reaches(request, id)) {
                continue;
            }
            boolean up = registry.presence(id).online();
            Optional<NowPlaying.View> now = up ? nowPlaying.apply(id) : Optional.empty();
            String playing = null;
            if (now.isPresent() && a.sessionId() != null && now.get().session() == a.sessionId()) {
                playing = "LIVE";
                live++;
                if (repeatNow == null && now.get().durationMs() > 0) {
                    repeatNow = (int) Math.min(repeat, now.get().offsetMs() * repeat / now.get().durationMs() + 1);
                }
            } else if (now.isPresent() && a.testSession() != null && now.get().session() == a.testSession()) {
                playing = "TEST";
                test++;
            }
            online += up ? 1 : 0;
            out.add(new StationReach(id, s.get().name(), directory.communeName(s.get()), up, playing,
                    s.get().latitude(), s.get().longitude()));
        }
        return new Reach(a.id(), a.state(), out.size(), online, out.size() - online, live, test, repeat, repeatNow, out);
    }

    private Alert find(ApiRequest request) {
        long id = Params.number(request.pathParam(0), "alert id");
        return alerts.find(id).orElseThrow(() -> ApiException.notFound("no alert " + id).withCode("no_such_alert")
                .withParam("id", id));
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
            throw ApiException.forbidden(request.principal(), "alert " + a.id() + " reaches none of your stations")
                    .withCode("outside_scope").withParam("id", a.id())
                    .withParam("where", String.join(", ", alerts.stations(a).stream().sorted().limit(3).toList()));
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
            throw new ApiException(e.conflict() ? HttpResponseStatus.CONFLICT : HttpResponseStatus.BAD_REQUEST, e.code(), e.getMessage())
                    .withParams(e.params());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("alert step failed: " + e.getMessage(), e);
        }
    }
}
