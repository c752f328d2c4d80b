package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.loa.protocol.CommandType;
import vn.loa.server.auth.Access;
import vn.loa.server.playout.NowPlaying;
import vn.loa.server.station.CommandOutcome;
import vn.loa.server.station.StationControl;
import vn.loa.server.station.StationDefinition;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationHistory;
import vn.loa.server.station.StationRegistry;

/** /api/stations, /api/stations/{id}, /api/stations/{id}/commands and /api/areas. */
public final class StationsApi {
    private final StationDirectory directory;
    private final StationRegistry registry;
    private final StationControl control;
    private final Function<String, Optional<NowPlaying.View>> nowPlaying;
    private final StationHistory history;
    private final Scopes scopes;
    private final ListenTickets tickets;

    /** Body of POST /api/stations/{id}/commands. */
    public record CommandRequest(String command, Integer argument) {
    }

    public StationsApi(StationDirectory directory, StationRegistry registry, StationControl control,
                       Function<String, Optional<NowPlaying.View>> nowPlaying, StationHistory history,
                       Scopes scopes, ListenTickets tickets) {
        this.scopes = scopes;
        this.tickets = tickets;
        this.directory = directory;
        this.registry = registry;
        this.control = control;
        this.nowPlaying = nowPlaying;
        this.history = history;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/stations", Access.MONITOR, Endpoint.sync(this::list))
                .add(HttpMethod.GET, "/api/stations/{id}", Access.MONITOR, Endpoint.sync(this::one))
                .add(HttpMethod.GET, "/api/stations/{id}/history", Access.MONITOR, Endpoint.sync(this::history))
                .add(HttpMethod.POST, "/api/stations/{id}/commands", Access.DEVICE, this::command)
                .add(HttpMethod.POST, "/api/stations/{id}/listen", Access.MONITOR, Endpoint.sync(r -> {
                    StationDefinition s = station(r, r.pathParam(0));
                    return ApiResponse.ok(Map.of("url", "/listen/" + s.id() + "?ticket=" + tickets.issue(s.id(), r.principal())));
                }))
                .add(HttpMethod.GET, "/api/areas", Access.MONITOR, Endpoint.sync(r -> ApiResponse.ok(directory.roots())));
    }

    private ApiResponse list(ApiRequest request) {
        Predicate<StationDefinition> filter = s -> scopes.reaches(request, s.id());
        String area = request.param("area");
        if (area != null) {
            if (!directory.hasArea(area)) {
                throw ApiException.badRequest("area '" + area + "' does not exist").withCode("no_such_area").withParam("area", area);
            }
            filter = filter.and(s -> directory.isWithin(s, area));
        }
        String tag = request.param("tag");
        if (tag != null) {
            filter = filter.and(s -> s.tags().contains(tag));
        }
        String online = request.param("online");
        if (online != null) {
            if (!online.equals("true") && !online.equals("false")) {
                throw ApiException.badRequest("online must be true or false, not '" + online + "'").withCode("invalid_request");
            }
            boolean wanted = Boolean.parseBoolean(online);
            filter = filter.and(s -> registry.presence(s.id()).online() == wanted);
        }
        List<StationView> views = directory.stations().stream().filter(filter)
                .map(this::view).toList();
        return ApiResponse.ok(views);
    }

    private ApiResponse one(ApiRequest request) {
        StationDefinition s = station(request, request.pathParam(0));
        return ApiResponse.ok(view(s));
    }

    /** Newest first: connects, disconnects with their reason, setting changes, faults raised and cleared. */
    private ApiResponse history(ApiRequest request) {
        StationDefinition s = station(request, request.pathParam(0));
        return ApiResponse.ok(history.query(s.id(), Params.instant(request, "from"), Params.instant(request, "to"),
                Params.limit(request, 200, 10_000)));
    }

    private StationView view(StationDefinition s) {
        return StationView.of(s, registry.presence(s.id()), directory, nowPlaying.apply(s.id()).orElse(null));
    }

    private CompletableFuture<ApiResponse> command(ApiRequest request) {
        StationDefinition station = station(request, request.pathParam(0));
        CommandRequest body = Json.body(request, CommandRequest.class);
        CommandType type = commandType(body.command());
        if (body.argument() == null && type.takesArgument()) {
            throw ApiException.badRequest(type + " takes argument " + type.argumentRange() + " and none was given")
                    .withCode("command_argument_invalid").withParam("range", type.argumentRange());
        }
        int argument = body.argument() == null ? 0 : body.argument();
        if (!type.acceptsArgument(argument)) {
            throw ApiException.badRequest(type + " takes argument " + type.argumentRange() + ", not " + argument)
                    .withCode("command_argument_invalid").withParam("range", type.argumentRange());
        }
        return control.send(station.id(), type, argument).thenApply(o -> new ApiResponse(statusOf(o), o));
    }

    /** The station, if it exists (404) and is the caller's (403). */
    private StationDefinition station(ApiRequest request, String id) {
        StationDefinition s = directory.station(id).orElseThrow(() -> ApiException.notFound("station '" + id + "' does not exist").withCode("no_such_station")
                .withParam("station", id));
        scopes.requireAll(request, List.of(id), "station " + id);
        return s;
    }

    private static CommandType commandType(String name) {
        if (name == null) {
            throw ApiException.badRequest("field 'command' is required; one of " + Arrays.toString(CommandType.values())).withCode("invalid_request");
        }
        try {
            return CommandType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown command '" + name + "'; one of " + Arrays.toString(CommandType.values())).withCode("invalid_request");
        }
    }

    private static HttpResponseStatus statusOf(CommandOutcome outcome) {
        return switch (outcome.result()) {
            case ACKNOWLEDGED -> HttpResponseStatus.OK;
            case REJECTED, UNSUPPORTED -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
            case OFFLINE -> HttpResponseStatus.CONFLICT;
            case TIMED_OUT -> HttpResponseStatus.GATEWAY_TIMEOUT;
            case DISCONNECTED -> HttpResponseStatus.BAD_GATEWAY;
        };
    }
}
