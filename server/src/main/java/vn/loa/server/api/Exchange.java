package vn.loa.server.api;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The request a connection is serving now, as the edge admitted it from its head: its route and the
 * caller (null on public routes and ticket-holding listeners). Set before the body is passed on, read by
 * the handler that serves the route; one at a time per connection, because the edge serves in order.
 *
 * @param request the head as an {@link ApiRequest}: path parameters filled in, no body yet
 */
record Exchange(Route route, ApiRequest request) {
    private static final AttributeKey<Exchange> KEY = AttributeKey.valueOf("loa.exchange");

    static Exchange of(Channel channel) {
        return channel.attr(KEY).get();
    }

    void attachTo(Channel channel) {
        channel.attr(KEY).set(this);
    }

    /** The request with the body that came after the head. */
    ApiRequest withBody(byte[] body) {
        ApiRequest r = request;
        return new ApiRequest(r.method(), r.path(), r.query(), r.contentType(), body, r.pathParams(), r.remoteAddress(),
                r.authorization(), r.principal(), r.headers(), r.session());
    }
}
