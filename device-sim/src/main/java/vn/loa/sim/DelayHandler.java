package vn.loa.sim;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Fault injection: delays bytes in both directions by latency plus random jitter, keeping their order
 * (each delivery is scheduled no earlier than the previous one), as a slow 4G link would.
 */
final class DelayHandler extends ChannelDuplexHandler {
    private final long latencyMs;
    private final long jitterMs;
    private long lastInboundDue;
    private long lastOutboundDue;

    DelayHandler(long latencyMs, long jitterMs) {
        this.latencyMs = latencyMs;
        this.jitterMs = jitterMs;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastInboundDue = due(lastInboundDue);
        ctx.executor().schedule(() -> {
            ctx.fireChannelRead(msg);
            ctx.fireChannelReadComplete();
        }, lastInboundDue - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Fired together with each delayed read instead.
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastOutboundDue = due(lastOutboundDue);
        ctx.executor().schedule(() -> ctx.writeAndFlush(msg, promise), lastOutboundDue - System.nanoTime(),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // Each delayed write flushes itself.
    }

    private long due(long previous) {
        long extra = jitterMs > 0 ? ThreadLocalRandom.current().nextLong(jitterMs + 1) : 0;
        return Math.max(previous, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latencyMs + extra));
    }
}
