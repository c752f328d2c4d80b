package vn.loa.sim;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.loa.protocol.transport.NettyTransport;

/**
 * What all simulated receivers share: one event loop group and the transport it was made for, the
 * server's address, the log, the firmware name, the recorder (null when not recording) and how the
 * server's identity is checked.
 */
record SimContext(NettyTransport transport, EventLoopGroup group, InetSocketAddress server, EventLog log,
                  String firmware, Recorder recorder, ServerTrust trust, ConcurrentMap<EventLoop, PlaybackClock> clocks) {

    SimContext(NettyTransport transport, EventLoopGroup group, InetSocketAddress server, EventLog log, String firmware,
               Recorder recorder, ServerTrust trust) {
        this(transport, group, server, log, firmware, recorder, trust, new ConcurrentHashMap<>());
    }

    PlaybackClock clockOf(EventLoop loop) {
        return clocks.computeIfAbsent(loop, PlaybackClock::new);
    }
}
