package vn.loa.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import vn.loa.server.auth.Principal;

/** A request the API refuses, with the status and the sentence the caller will read. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;
    /** Who was refused, when it is known (a valid token without the rights), so the audit can name them. */
    private final transient Principal principal;

    public ApiException(HttpResponseStatus status, String message) {
        this(status, message, null);
    }

    private ApiException(HttpResponseStatus status, String message, Principal principal) {
        super(message, null, false, false);
        this.status = status;
        this.principal = principal;
    }

    public HttpResponseStatus status() {
        return status;
    }

    Principal principal() {
        return principal;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(Principal who, String message) {
        return new ApiException(HttpResponseStatus.FORBIDDEN, message, who);
    }
}
