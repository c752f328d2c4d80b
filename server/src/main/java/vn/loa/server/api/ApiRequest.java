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
 */
public record ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, String contentType,
                         byte[] body, List<String> pathParams, String remoteAddress, String authorization,
                         Principal principal) {

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
                authorization, principal);
    }

    ApiRequest as(Principal who) {
        return new ApiRequest(method, path, query, contentType, body, pathParams, remoteAddress, authorization, who);
    }
}
