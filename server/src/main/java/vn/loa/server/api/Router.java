package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.server.auth.Access;

/**
 * The one routing table of the HTTP server: method, path template, access, kind and body limit of every
 * route. The edge reads it on each request head to check the token and pick the body limit before the
 * body is read; the handlers read it to serve. A path that exists under another method is 405, not 404,
 * so a client learns it used the wrong verb.
 */
public final class Router {
    /** JSON bodies are small documents; 64 KiB holds any real one many times over. */
    public static final int DEFAULT_JSON_LIMIT = 64 * 1024;
    public static final int DEFAULT_UPLOAD_LIMIT = 32 * 1024 * 1024;

    private record Entry(Route route, Pattern pattern) {
    }

    /** Checks the caller against what a route needs; returns the request with its principal, or throws 401/403/429. */
    @FunctionalInterface
    public interface Gate {
        ApiRequest admit(ApiRequest request, Access access);

        /** What to throw for a listen ticket that did not open: 401, or 429 where the gate limits failures. */
        default RuntimeException invalidTicket(ApiRequest request) {
            return ApiException.unauthorized("the listen ticket is unknown, used or expired; ask for a new one")
                    .withCode("listen_ticket_invalid");
        }
    }

    /** A request matched to its route: path parameters filled in, what it needs, what serves it. */
    public record Bound(ApiRequest request, Access access, Endpoint endpoint) {
    }

    /** A route and the path parameters a path filled in. */
    public record Match(Route route, List<String> params) {
    }

    private final List<Entry> routes = new CopyOnWriteArrayList<>();
    private final int jsonLimit;
    private final int uploadLimit;

    public Router() {
        this(DEFAULT_JSON_LIMIT, DEFAULT_UPLOAD_LIMIT);
    }

    /** @param jsonLimit the body limit of JSON routes; @param uploadLimit that of upload routes */
    public Router(int jsonLimit, long uploadLimit) {
        this.jsonLimit = jsonLimit;
        this.uploadLimit = (int) Math.min(Integer.MAX_VALUE - 8, uploadLimit);
    }

    /** A JSON API route with the default JSON body limit. */
    public Router add(HttpMethod method, String template, Access access, Endpoint endpoint) {
        return add(method, template, access, RouteKind.JSON, endpoint);
    }

    /** A route of the given kind with that kind's body limit (JSON, upload; none for streams and files). */
    public Router add(HttpMethod method, String template, Access access, RouteKind kind, Endpoint endpoint) {
        int limit = switch (kind) {
            case JSON -> jsonLimit;
            case UPLOAD -> uploadLimit;
            case STREAM, STATIC -> 0;
        };
        return add(new Route(method, template, access, kind, limit, endpoint));
    }

    public Router add(Route route) {
        routes.add(new Entry(route, route.pattern()));
        return this;
    }

    /** The route for a method and path; 404 for an unknown path, 405 for a known path with another method. */
    public Match match(HttpMethod method, String path) {
        boolean pathKnown = false;
        for (Entry entry : routes) {
            Matcher m = entry.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (entry.route().method().equals(method)) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                return new Match(entry.route(), List.copyOf(params));
            }
        }
        throw pathKnown
                ? new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, "invalid_request", method + " is not allowed on " + path)
                : ApiException.notFound("no such endpoint: " + path).withCode("no_such_endpoint");
    }

    /** The route for this request, path parameters filled in. */
    public Bound resolve(ApiRequest request) {
        Match match = match(request.method(), request.path());
        return new Bound(request.withPathParams(match.params()), match.route().access(), match.route().endpoint());
    }
}
