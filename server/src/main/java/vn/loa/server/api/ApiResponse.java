package vn.loa.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/** A status and a body that Jackson turns into JSON, and any headers beyond the usual (Set-Cookie, issue 15). */
public record ApiResponse(HttpResponseStatus status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiResponse(HttpResponseStatus status, Object body) {
        this(status, body, Map.of());
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(HttpResponseStatus.OK, body);
    }
}
