package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.loa.protocol.Priority;
import vn.loa.protocol.message.AudioStart;
import vn.loa.server.asrun.AsRunLog;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.media.MediaLibrary;
import vn.loa.server.media.MediaRejected;
import vn.loa.server.media.Playlist;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.playout.IssuerLevel;
import vn.loa.server.playout.PlayoutEngine;
import vn.loa.server.playout.PreemptPolicy;
import vn.loa.server.playout.Programme;
import vn.loa.server.playout.ProgrammeItem;
import vn.loa.server.station.StationDirectory;

/** /api/broadcasts and /api/asrun: start, list and stop sessions; read what aired. */
public final class BroadcastsApi {
    private static final int MAX_TITLE_CHARS = 200;
    private static final int MAX_REPEAT = 10;
    /** Slack over the programme's length before a station is released regardless. */
    private static final Duration MAX_DURATION_SLACK = Duration.ofSeconds(60);
    private final MediaLibrary library;
    private final PlayoutEngine engine;
    private final AsRunLog asRun;
    private final TargetResolver targets;
    private final ServerSettings settings;

    public BroadcastsApi(MediaLibrary library, PlayoutEngine engine, AsRunLog asRun, StationDirectory directory,
                         ServerSettings settings) {
        this.library = library;
        this.engine = engine;
        this.asRun = asRun;
        this.targets = new TargetResolver(directory);
        this.settings = settings;
    }

    public void register(Router router) {
        router.add(HttpMethod.POST, "/api/broadcasts", this::create)
                .add(HttpMethod.GET, "/api/broadcasts", r -> engine.broadcasts().thenApply(ApiResponse::ok))
                .add(HttpMethod.DELETE, "/api/broadcasts/{id}", this::cancel)
                .add(HttpMethod.GET, "/api/asrun", Endpoint.sync(this::asRun));
    }

    private CompletableFuture<ApiResponse> create(ApiRequest request) {
        BroadcastRequest body = Json.body(request, BroadcastRequest.class);
        Priority priority = parse(Priority.class, body.priority(), Priority.NORMAL, "priority");
        List<ProgrammeItem> items = items(body);
        int repeat = body.repeat() == null ? 1 : body.repeat();
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw ApiException.badRequest("repeat must be 1.." + MAX_REPEAT + ", not " + repeat);
        }
        Programme programme;
        try {
            programme = new Programme(items, repeat);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String title = body.title() != null ? body.title().strip() : defaultTitle(body, items);
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw ApiException.badRequest("title must be 1.." + MAX_TITLE_CHARS + " characters");
        }
        Duration maxDuration = body.maxDurationSeconds() == null
                ? Duration.ofMillis(programme.durationMillis()).plus(MAX_DURATION_SLACK)
                : Duration.ofSeconds(positive(body.maxDurationSeconds(), "maxDurationSeconds"));
        BroadcastPlan plan = new BroadcastPlan(title, programme, targets.resolve(body.targets()), priority,
                parse(IssuerLevel.class, body.issuerLevel(), IssuerLevel.COMMUNE, "issuerLevel"),
                parse(PreemptPolicy.class, body.onPreempt(), PreemptPolicy.RESUME, "onPreempt"),
                instant(body.resumeDeadline()), maxDuration,
                priority == Priority.EMERGENCY ? settings.emergencyVolume() : AudioStart.KEEP_VOLUME);
        return engine.start(plan).thenApply(id -> new ApiResponse(HttpResponseStatus.CREATED, Map.of(
                "id", id, "title", title, "priority", priority.name(), "stations", plan.stations().size(),
                "durationMs", programme.durationMillis())));
    }

    /** The playlist's own title, else the first item that is not the attention tone. */
    private String defaultTitle(BroadcastRequest body, List<ProgrammeItem> items) {
        if (body.playlist() != null) {
            String listTitle = library.playlist(body.playlist()).map(Playlist::title).orElse(null);
            if (listTitle != null) {
                return listTitle;
            }
        }
        return items.get(Boolean.TRUE.equals(body.attentionTone()) ? 1 : 0).title();
    }

    private List<ProgrammeItem> items(BroadcastRequest body) {
        if ((body.media() == null) == (body.playlist() == null)) {
            throw ApiException.badRequest("give either 'media' (a list of files) or 'playlist' (a name), not both or neither");
        }
        List<ProgrammeItem> items = new ArrayList<>();
        if (Boolean.TRUE.equals(body.attentionTone())) {
            if (settings.attentionTone() == null) {
                throw ApiException.badRequest("attentionTone: no tone is configured (attentionTone in server.yaml)");
            }
            items.add(item(settings.attentionTone(), null));
        }
        if (body.playlist() != null) {
            Playlist playlist = library.playlist(body.playlist())
                    .orElseThrow(() -> ApiException.badRequest("playlist '" + body.playlist() + "' does not exist"));
            if (!playlist.playable()) {
                throw ApiException.badRequest("playlist '" + body.playlist() + "' cannot play: "
                        + (playlist.items().isEmpty() ? "it is empty" : String.join("; ", playlist.problems())));
            }
            playlist.items().forEach(i -> items.add(item(i.path(), i.title())));
        } else {
            if (body.media().isEmpty()) {
                throw ApiException.badRequest("'media' is empty");
            }
            body.media().forEach(path -> items.add(item(path, null)));
        }
        return items;
    }

    private ProgrammeItem item(String path, String title) {
        try {
            String t = title != null ? title : library.entry(path).map(e -> e.displayTitle()).orElse(path);
            return new ProgrammeItem(path, t, library.load(path));
        } catch (MediaRejected e) {
            throw ApiException.badRequest("media '" + path + "': " + e.getMessage());
        }
    }

    private CompletableFuture<ApiResponse> cancel(ApiRequest request) {
        long id = longParam(request.pathParam(0), "broadcast id");
        return engine.cancel(id).thenApply(found -> {
            if (!found) {
                throw ApiException.notFound("no live broadcast " + id);
            }
            return ApiResponse.ok(Map.of("id", id, "status", "CANCELLED"));
        });
    }

    private ApiResponse asRun(ApiRequest r) {
        String session = r.param("session");
        int limit = r.param("limit") == null ? 10_000 : (int) longParam(r.param("limit"), "limit");
        return ApiResponse.ok(asRun.query(r.param("station"), session == null ? null : longParam(session, "session"),
                instant(r.param("from")), instant(r.param("to")), limit));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + value + "' is not an ISO-8601 instant such as 2026-11-22T06:00:00Z");
        }
    }

    private static long longParam(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a number, not '" + value + "'");
        }
    }

    private static int positive(int value, String field) {
        if (value < 1 || value > 86_400) {
            throw ApiException.badRequest(field + " must be 1..86400, not " + value);
        }
        return value;
    }
}
