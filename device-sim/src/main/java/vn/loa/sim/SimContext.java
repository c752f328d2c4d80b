package vn.loa.sim;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;

/**
 * What all simulated receivers share: one event loop group, the server's address, the log, the firmware
 * name, and the recorder (null when not recording).
 */
record SimContext(EventLoopGroup group, InetSocketAddress server, EventLog log, String firmware, Recorder recorder) {
}
