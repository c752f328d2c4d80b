package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * A request as endpoints see it: no Netty buffers, so nothing to release and nothing to leak.
 *
 * @param remoteAddress the client's address, for the audit
 * @param actor         who is acting, for the audit
 */
public record ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, String contentType,
                         byte[] body, List<String> pathParams, String remoteAddress, String actor) {

    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathParam(int index) {
        return pathParams.get(index);
    }

    ApiRequest withPathParams(List<String> params) {
        return new ApiRequest(method, path, query, contentType, body, List.copyOf(params), remoteAddress, actor);
    }
}
