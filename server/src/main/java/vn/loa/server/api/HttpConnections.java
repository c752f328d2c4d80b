package vn.loa.server.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the HTTP connections open at once, in all and per remote address. A new connection over a cap
 * closes the oldest connection of that address (or, over the total cap, of anyone) on which the client
 * has the turn: one waiting for a head or dawdling over a body. It never refuses the newcomer while
 * such a connection exists, because refusing would let whoever fills the slots first lock everyone
 * else out (behind a NAT or a reverse proxy, a whole commune shares one address); evicting instead
 * means a parked connection is the cheapest thing to lose, and a real client just reconnects. Only when
 * every connection is being served or streaming is the newcomer itself closed.
 */
@ChannelHandler.Sharable
public final class HttpConnections extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpConnections.class);

    private final int maxTotal;
    private final int maxPerAddress;
    /** Oldest first; touched only under this object's lock. */
    private final LinkedHashSet<Channel> all = new LinkedHashSet<>();
    private final Map<String, LinkedHashSet<Channel>> byAddress = new HashMap<>();
    private final AtomicLong evictedForAddress = new AtomicLong();
    private final AtomicLong evictedForTotal = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public HttpConnections(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        String address = address(channel);
        Channel victim = null;
        boolean refuse = false;
        synchronized (this) {
            LinkedHashSet<Channel> mine = byAddress.computeIfAbsent(address, a -> new LinkedHashSet<>());
            if (mine.size() >= maxPerAddress) {
                victim = oldestWaiting(mine);
                refuse = victim == null;
                (refuse ? refused : evictedForAddress).incrementAndGet();
            } else if (all.size() >= maxTotal) {
                victim = oldestWaiting(all);
                refuse = victim == null;
                (refuse ? refused : evictedForTotal).incrementAndGet();
            }
            if (victim != null) {
                forget(victim);
            }
            if (!refuse) {
                all.add(channel);
                mine.add(channel);
            } else if (mine.isEmpty()) {
                byAddress.remove(address);
            }
        }
        if (victim != null) {
            log.debug("HTTP connection cap: closing waiting connection {} for {}", victim.remoteAddress(), address);
            victim.close();
        }
        if (refuse) {
            log.debug("HTTP connection cap: every connection is busy; closing new connection from {}", address);
            channel.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        synchronized (this) {
            forget(ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    private static Channel oldestWaiting(LinkedHashSet<Channel> channels) {
        for (Iterator<Channel> it = channels.iterator(); it.hasNext(); ) {
            Channel c = it.next();
            ConnectionClock clock = c.pipeline().get(ConnectionClock.class);
            if (clock == null || clock.clientsTurn()) {
                return c;
            }
        }
        return null;
    }

    private void forget(Channel channel) {
        if (all.remove(channel)) {
            String address = address(channel);
            LinkedHashSet<Channel> mine = byAddress.get(address);
            if (mine != null && mine.remove(channel) && mine.isEmpty()) {
                byAddress.remove(address);
            }
        }
    }

    private static String address(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
    }

    public synchronized int open() {
        return all.size();
    }

    /** Connections closed to make room for a newer one from the same address. */
    public long evictedForAddress() {
        return evictedForAddress.get();
    }

    /** Connections closed to make room under the total cap. */
    public long evictedForTotal() {
        return evictedForTotal.get();
    }

    /** New connections closed because every open one was busy. */
    public long refused() {
        return refused.get();
    }
}
