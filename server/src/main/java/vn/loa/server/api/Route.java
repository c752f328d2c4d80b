package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.regex.Pattern;
import vn.loa.server.auth.Access;

/**
 * One row of the routing table: everything the HTTP edge must know about a request before it reads a
 * byte of its body, and what serves it afterwards.
 *
 * @param template  the path as written, {@code /api/stations/{id}}; {@code {name...}} takes the rest of the path
 * @param bodyLimit the largest body accepted, in bytes; a larger one is refused 413 before it is read. It
 *                  is 0, whatever was asked, for GET, HEAD and DELETE: none of them reads a body, and a body
 *                  nobody reads is only something for a stranger to park in memory. A public route (sign-in)
 *                  takes at most {@link #PUBLIC_BODY_LIMIT}: anyone may send it, so it must stay small
 * @param endpoint  what serves a JSON or upload route; null for streams and static files, served by their handlers
 */
public record Route(HttpMethod method, String template, Access access, RouteKind kind, int bodyLimit,
                    Endpoint endpoint) {
    /** A name and a password fit many times over; 4,096 such bodies parked at once are 16 MiB. */
    static final int PUBLIC_BODY_LIMIT = 4096;

    public Route {
        if (!takesBody(method)) {
            bodyLimit = 0;
        } else if (access == Access.PUBLIC) {
            bodyLimit = Math.min(bodyLimit, PUBLIC_BODY_LIMIT);
        }
        if (bodyLimit < 0) {
            throw new IllegalArgumentException("bodyLimit must not be negative: " + template);
        }
        if (endpoint == null && (kind == RouteKind.JSON || kind == RouteKind.UPLOAD)) {
            throw new IllegalArgumentException("a " + kind + " route needs an endpoint: " + template);
        }
    }

    /** Whether a request of this method can carry a body at all. */
    static boolean takesBody(HttpMethod method) {
        return !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD) && !method.equals(HttpMethod.DELETE);
    }

    Pattern pattern() {
        String rest = template.replaceAll("\\{[a-zA-Z]+\\.\\.\\.}", "(.+)");
        return Pattern.compile(rest.replaceAll("\\{[a-zA-Z]+}", "([^/]+)"));
    }
}
