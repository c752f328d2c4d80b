package vn.loa.sim;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import vn.loa.protocol.transport.NettyTransport;

/**
 * 1..N simulated receivers in one JVM on a shared event loop group: no thread per receiver, and the
 * heartbeats are timers on those same loops. Used by the command line and, in process, by tests.
 */
public final class DeviceSimulator implements AutoCloseable {
    public static final String DEFAULT_FIRMWARE = "loa-sim 0.1";
    private final SimContext context;
    /** A list, not a map: two receivers with the same id is a case worth simulating (a cloned device). */
    private final List<SimulatedReceiver> receivers = new CopyOnWriteArrayList<>();

    /** @param recordDir where to record what each receiver plays, or null */
    public DeviceSimulator(InetSocketAddress server, EventLog log, int threads, String firmware, Path recordDir) {
        this(server, log, threads, firmware, recordDir, ServerTrust.NONE);
    }

    /** @param trust the pinned server key and TLS settings every receiver uses */
    public DeviceSimulator(InetSocketAddress server, EventLog log, int threads, String firmware, Path recordDir,
                           ServerTrust trust) {
        NettyTransport transport = NettyTransport.best();
        EventLoopGroup group = transport.group(threads, new DefaultThreadFactory("sim-io", true));
        this.context = new SimContext(transport, group, server, log, firmware,
                recordDir == null ? null : new Recorder(recordDir), trust);
    }

    public DeviceSimulator(InetSocketAddress server, EventLog log) {
        this(server, log, 0, DEFAULT_FIRMWARE, null);
    }

    public DeviceSimulator(InetSocketAddress server, EventLog log, ServerTrust trust) {
        this(server, log, 0, DEFAULT_FIRMWARE, null, trust);
    }

    /**
     * Adds a receiver and starts it, connecting after a random delay up to {@code rampMs} so that a big
     * simulated province does not open every connection in the same millisecond.
     */
    public SimulatedReceiver add(StationCredentials station, Faults faults, long rampMs) {
        Faults applied = faults.appliesTo(station.id()) ? faults : Faults.NONE;
        SimulatedReceiver receiver = new SimulatedReceiver(station, context, applied);
        receivers.add(receiver);
        receiver.start(rampMs > 0 ? ThreadLocalRandom.current().nextLong(rampMs) : 0);
        return receiver;
    }

    public SimulatedReceiver add(StationCredentials station) {
        return add(station, Faults.NONE, 0);
    }

    public List<SimulatedReceiver> receivers() {
        return List.copyOf(receivers);
    }

    public long onlineCount() {
        return receivers.stream().filter(SimulatedReceiver::online).count();
    }

    @Override
    public void close() {
        receivers.forEach(SimulatedReceiver::stop);
        context.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (context.recorder() != null) {
            context.recorder().close();
        }
    }
}
