package vn.loa.server.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that hold the server without asking anything of it: a request head that has not
 * arrived whole within the header timeout of its first byte (slowloris), a keep-alive connection with no
 * new request, or a body that stops arriving, for the idle timeout; and a body that trickles (RUDY):
 * it must arrive whole within the header timeout plus its length at the minimum body rate, however
 * often a byte comes. It sits before the HTTP decoder to
 * see every byte; the edge tells it what it is waiting for. While an endpoint works or a stream flows,
 * the clock is paused: a long answer or an hour of listening is not idleness.
 */
final class ConnectionClock extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionClock.class);

    private enum Phase { AWAIT_HEAD, IN_HEAD, IN_BODY, PAUSED }

    private final long headerNanos;
    private final long idleNanos;
    private final long minBodyBytesPerSecond;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.PAUSED;
    private long headStarted;
    private long lastRead;
    private long bodyStarted;
    private long bodyExpected;
    private long bodyRead;
    private ScheduledFuture<?> check;

    ConnectionClock(long headerTimeoutMs, long idleTimeoutMs, long minBodyBytesPerSecond) {
        this.headerNanos = TimeUnit.MILLISECONDS.toNanos(headerTimeoutMs);
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
        this.minBodyBytesPerSecond = minBodyBytesPerSecond;
    }

    /** The client has the turn: a new connection, or one awaiting a head or a body (not one the server serves). */
    boolean clientsTurn() {
        return phase != Phase.PAUSED;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        if (phase == Phase.AWAIT_HEAD) {
            phase = Phase.IN_HEAD;
            headStarted = lastRead;
        }
        if (phase == Phase.IN_BODY && msg instanceof ByteBuf bytes) {
            bodyRead += bytes.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        phase = Phase.PAUSED;
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    /** Waiting for the next request: idle until its first byte, then the header timeout runs. */
    void awaitHead() {
        set(Phase.AWAIT_HEAD);
    }

    /**
     * Waiting for a body: each read restarts the idle timeout, and the whole body has until the header
     * timeout plus its length at the minimum rate (a chunked one: what has come so far at that rate).
     *
     * @param declaredLength the Content-Length, or -1 when the length is not known in advance
     */
    void awaitBody(long declaredLength) {
        set(Phase.IN_BODY);
        bodyStarted = lastRead;
        bodyExpected = Math.max(0, declaredLength);
        bodyRead = 0;
    }

    /** The server has the turn (admission, an endpoint, a stream): no timeout runs. */
    void pause() {
        phase = Phase.PAUSED;
    }

    private void set(Phase next) {
        phase = next;
        lastRead = System.nanoTime();
        if (check == null && ctx != null) {
            check = ctx.executor().schedule(this::check, Math.min(headerNanos, idleNanos), TimeUnit.NANOSECONDS);
        }
    }

    private long bodyDeadline() {
        long bytes = Math.max(bodyExpected, bodyRead);
        return bodyStarted + headerNanos + TimeUnit.SECONDS.toNanos(1) * bytes / minBodyBytesPerSecond;
    }

    private void check() {
        check = null;
        long deadline = switch (phase) {
            case AWAIT_HEAD -> lastRead + idleNanos;
            case IN_BODY -> Math.min(lastRead + idleNanos, bodyDeadline());
            case IN_HEAD -> headStarted + headerNanos;
            case PAUSED -> Long.MAX_VALUE;
        };
        if (phase == Phase.PAUSED || !ctx.channel().isActive()) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            log.debug("Closing HTTP connection {}: {} timed out", ctx.channel().remoteAddress(), phase);
            ctx.close();
        } else {
            // Never later than the shorter timeout: a head may start while an idle wait is pending.
            check = ctx.executor().schedule(this::check, Math.min(left, Math.min(headerNanos, idleNanos)),
                    TimeUnit.NANOSECONDS);
        }
    }
}
