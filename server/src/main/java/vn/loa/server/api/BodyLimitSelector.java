package vn.loa.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Gives media uploads their own, larger body limit and keeps every other request to the small one:
 * on each request head it puts the aggregator with the right limit in place before the body arrives.
 * Requests on one connection are read one after the other, so the swap never splits a body.
 */
final class BodyLimitSelector extends ChannelInboundHandlerAdapter {
    static final String AGGREGATOR = "aggregator";
    private final int jsonLimit;
    private final int uploadLimit;

    BodyLimitSelector(int jsonLimit, int uploadLimit) {
        this.jsonLimit = jsonLimit;
        this.uploadLimit = uploadLimit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            boolean upload = request.method().equals(HttpMethod.POST) && request.uri().startsWith("/api/media");
            int wanted = upload ? uploadLimit : jsonLimit;
            BodyLimitAggregator current = (BodyLimitAggregator) ctx.pipeline().get(AGGREGATOR);
            if (current.maxBytes() != wanted) {
                ctx.pipeline().replace(AGGREGATOR, AGGREGATOR, new BodyLimitAggregator(wanted));
            }
        }
        ctx.fireChannelRead(msg);
    }
}
