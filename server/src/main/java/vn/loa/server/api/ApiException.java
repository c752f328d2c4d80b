package vn.loa.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.server.auth.Principal;

/**
 * A request the API refuses, with the status, a stable {@code code} that the console translates into the
 * reader's language, and the sentence (English, for logs and API users) that says exactly what was wrong.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;
    /** Who was refused, when it is known (a valid token without the rights), so the audit can name them. */
    private final transient Principal principal;
    private final String code;
    /** The values the refusal names (a time, a name, a limit), in order, for the console's sentence. */
    private final transient Map<String, String> params;

    public ApiException(HttpResponseStatus status, String message) {
        this(status, defaultCode(status), message, null, Map.of());
    }

    public ApiException(HttpResponseStatus status, String code, String message) {
        this(status, code, message, null, Map.of());
    }

    private ApiException(HttpResponseStatus status, String code, String message, Principal principal,
            Map<String, String> params) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.principal = principal;
        this.params = params;
    }

    /** The same refusal under a more precise code, e.g. {@code quiet_hours} instead of {@code bad_request}. */
    public ApiException withCode(String precise) {
        return new ApiException(status, precise, getMessage(), principal, params);
    }

    /** The same refusal naming who was refused, for the audit. */
    public ApiException withPrincipal(Principal who) {
        return new ApiException(status, code, getMessage(), who, params);
    }

    /** The same refusal also naming {@code value} under {@code name}; a null value is left out. */
    public ApiException withParam(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, String.valueOf(value));
        return new ApiException(status, code, getMessage(), principal, Collections.unmodifiableMap(more));
    }

    /** The same refusal also naming each of {@code values}, in their order. */
    public ApiException withParams(Map<String, String> values) {
        ApiException out = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.withParam(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Named values of the refusal, in order; empty when it names none. */
    public Map<String, String> params() {
        return params;
    }

    /** Lower-case words joined by underscores; stable, because the console keys its translations on it. */
    public String code() {
        return code;
    }

    static String defaultCode(HttpResponseStatus status) {
        return status.reasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
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
        return new ApiException(HttpResponseStatus.FORBIDDEN, defaultCode(HttpResponseStatus.FORBIDDEN), message, who, Map.of());
    }
}
