package vn.loa.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Collects a request body up to a limit. A larger one is refused with a JSON 413 that says the limit,
 * like every other API error. The connection stays open while the aggregator discards the rest of the
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
        ApiHandler.write(ctx, true, ApiHandler.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "the request body is larger than the limit of " + maxBytes + " bytes"));
    }
}
