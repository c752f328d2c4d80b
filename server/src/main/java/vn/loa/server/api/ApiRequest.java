package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import vn.loa.server.auth.Principal;

/**
 * A request as endpoints see it: no Netty buffers, so nothing to release and nothing to leak.
 *
 * @param remoteAddress the client's address, for the audit
 * @param authorization the Authorization header as sent, or null
 * @param principal     who is calling, once the gate has checked the token; null on public endpoints
 * @param headers       the few other headers sign-in needs (cookie, origin, host, x-csrf-token,
 *                      sec-fetch-site), lower-case names; never logged or audited
 * @param session       the browser session the caller came in on (issue 15); null for a bearer token
 */
public record ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, String contentType,
                         byte[] body, List<String> pathParams, String remoteAddress, String authorization,
                         Principal principal, Map<String, String> headers, Long session) {

    /** Headers the gate and the sign-in endpoints read; other headers are not carried. */
    static final List<String> CARRIED = List.of("cookie", "origin", "host", "x-csrf-token", "sec-fetch-site");

    public ApiRequest {
        headers = headers == null ? Map.of() : headers;
    }

    public ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, String contentType,
                      byte[] body, List<String> pathParams, String remoteAddress, String authorization,
                      Principal principal) {
        this(method, path, query, contentType, body, pathParams, remoteAddress, authorization, principal, Map.of(), null);
    }

    /** A header the request carries (lower-case name), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The value of a cookie, or null. */
    public String cookie(String name) {
        String all = headers.get("cookie");
        if (all == null) {
            return null;
        }
        for (String part : all.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    /** Who acts, for the audit and for "updated by" fields: the user, or "anonymous" on public endpoints. */
    public String actor() {
        return principal == null ? "anonymous" : principal.name();
    }

    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathParam(int index) {
        return pathParams.get(index);
    }

    ApiRequest withPathParams(List<String> params) {
        return new ApiRequest(method, path, query, contentType, body, List.copyOf(params), remoteAddress,
                authorization, principal, headers, session);
    }

    ApiRequest as(Principal who) {
        return new ApiRequest(method, path, query, contentType, body, pathParams, remoteAddress, authorization, who,
                headers, session);
    }

    ApiRequest as(Principal who, long sessionId) {
        return new ApiRequest(method, path, query, contentType, body, pathParams, remoteAddress, authorization, who,
                headers, sessionId);
    }
}
