package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.server.auth.Access;

/**
 * Maps method and path to an endpoint. Paths are written like {@code /api/stations/{id}}; a path that
 * exists under another method is 405, not 404, so a client learns it used the wrong verb.
 */
public final class Router {
    private record Route(HttpMethod method, Pattern pattern, Access access, Endpoint endpoint) {
    }

    /** Checks the caller against what a route needs; returns the request with its principal, or throws 401/403. */
    @FunctionalInterface
    public interface Gate {
        ApiRequest admit(ApiRequest request, Access access);
    }

    /** A request matched to its route: path parameters filled in, what it needs, what serves it. */
    public record Bound(ApiRequest request, Access access, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(HttpMethod method, String template, Access access, Endpoint endpoint) {
        String regex = template.replaceAll("\\{[a-zA-Z]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), access, endpoint));
        return this;
    }

    /** The route for this request; 404 for an unknown path, 405 for a known path with another method. */
    public Bound resolve(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                return new Bound(request.withPathParams(params), route.access(), route.endpoint());
            }
        }
        throw pathKnown
                ? new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, request.method() + " is not allowed on " + request.path())
                : ApiException.notFound("no such endpoint: " + request.path());
    }
}
