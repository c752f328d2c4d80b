package vn.loa.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A status and a body that Jackson turns into JSON. */
public record ApiResponse(HttpResponseStatus status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(HttpResponseStatus.OK, body);
    }
}
