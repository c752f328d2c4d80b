package vn.loa.sim;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fault injection: a receiver that reads its socket slowly. The channel runs with auto-read off and a
 * fixed small read buffer; this handler issues one read per tick and swallows the extra reads that the
 * decoder asks for, so the server really sees a peer that drains at the configured rate.
 */
final class SlowReadHandler extends ChannelDuplexHandler {
    static final long TICK_MS = 100;
    private ScheduledFuture<?> ticker;

    /** Bytes per read so that reading once per tick gives the rate. */
    static int bytesPerTick(long bytesPerSecond) {
        return (int) Math.max(64, bytesPerSecond * TICK_MS / 1000);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ticker = ctx.executor().scheduleAtFixedRate(ctx::read, 0, TICK_MS, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ticker != null) {
            ticker.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // Reads come only from the ticker above.
    }
}
