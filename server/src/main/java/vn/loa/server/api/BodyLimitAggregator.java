package vn.loa.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Collects a request body up to the limit of its route: the edge puts the right one in place before the
 * body arrives and refuses a declared length over it. A chunked body that grows past it is refused with
 * a JSON 413 that says the limit, like every other API error. The connection stays open while the aggregator discards the rest of the
 * body: closing with unread data would make the kernel reset the connection, and the client could lose
 * the answer before reading it.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int maxBytes;

    BodyLimitAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ApiHandler.write(ctx, true, HttpEdge.tooLarge(maxBytes));
    }
}
