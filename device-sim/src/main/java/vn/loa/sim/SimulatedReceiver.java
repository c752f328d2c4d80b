package vn.loa.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import vn.loa.protocol.Direction;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.codec.FrameEncoder;
import vn.loa.protocol.message.Welcome;

/**
 * One simulated receiver across its connections: device state, replay guard and audio survive a
 * reconnect. Everything runs on one event loop chosen at creation, so no state needs locking; thousands
 * of receivers share a handful of threads and timers.
 */
public final class SimulatedReceiver {
    private static final long BOOT_TIME_MS = 1_500;
    private final StationCredentials credentials;
    private final SimContext context;
    private final Faults faults;
    private final EventLoop loop;
    private final DeviceState device;
    private final CommandExecutor commands;
    private final AudioPlayer audio;
    private final Backoff backoff = new Backoff(500, 30_000);
    private final ClockFilter clockFilter = new ClockFilter();
    /** docs/protocol.md: after SHUTTING_DOWN the wait between attempts is at most this, not 30 s. */
    static final long RESTART_BACKOFF_CAP_MS = 4_000;
    private volatile Channel channel;
    private volatile boolean running;
    private volatile boolean online;
    private volatile boolean frozen;
    private volatile long clockOffsetMicros;
    private boolean rebooting;

    SimulatedReceiver(StationCredentials credentials, SimContext context, Faults faults) {
        this.credentials = credentials;
        this.context = context;
        this.faults = faults;
        this.loop = context.group().next();
        this.device = new DeviceState(credentials.id());
        this.commands = new CommandExecutor(device);
        this.audio = new AudioPlayer(credentials.id(), context.log(), context.clockOf(loop), this::serverNowMicros,
                context.recorder(),
                device);
    }

    void start(long delayMs) {
        running = true;
        loop.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (!running || frozen) {
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(context.transport().channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch);
                    }
                });
        b.connect(context.server()).addListener(f -> {
            if (!f.isSuccess()) {
                log("connect_failed", "text", String.valueOf(f.cause().getMessage()));
                scheduleReconnect(false);
            }
        });
    }

    private void pipeline(SocketChannel ch) {
        channel = ch;
        ChannelPipeline p = ch.pipeline();
        if (context.trust().tls() != null) {
            InetSocketAddress server = context.server();
            p.addLast("tls", context.trust().tls().newHandler(ch.alloc(), server.getHostString(), server.getPort()));
        }
        if (faults.readBytesPerSecond() > 0) {
            int perTick = SlowReadHandler.bytesPerTick(faults.readBytesPerSecond());
            ch.config().setAutoRead(false);
            ch.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(perTick).maxMessagesPerRead(1));
            ch.config().setReceiveBufferSize(Math.max(2048, perTick * 2));
            p.addLast("slowRead", new SlowReadHandler());
        }
        if (faults.delays()) {
            p.addLast("delay", new DelayHandler(faults.latencyMs(), faults.jitterMs()));
        }
        p.addLast("decoder", new FrameDecoder(Direction.TO_RECEIVER))
                .addLast("encoder", FrameEncoder.INSTANCE)
                .addLast("link", new ReceiverLink(this));
    }

    /** @param serverVerified whether WELCOME was signed with the pinned key (false: no key pinned) */
    void loggedIn(Welcome welcome, boolean serverVerified) {
        online = true;
        backoff.reset();
        log("welcome", "connectionId", welcome.connectionId(), "heartbeatMs", welcome.heartbeatIntervalMs(),
                "serverVerified", serverVerified);
    }

    ServerTrust trust() {
        return context.trust();
    }

    void linkClosed(ErrorCode lastError) {
        boolean wasOnline = online;
        online = false;
        channel = null;
        log("disconnected", "wasOnline", wasOnline, "lastError", lastError == null ? null : lastError.name());
        if (rebooting) {
            rebooting = false;
            commands.forgetSequences();
            loop.schedule(() -> {
                device.reboot();
                connect();
            }, BOOT_TIME_MS, TimeUnit.MILLISECONDS);
        } else {
            if (lastError == ErrorCode.SHUTTING_DOWN) {
                backoff.expectRestart(RESTART_BACKOFF_CAP_MS);
            }
            scheduleReconnect(lastError == ErrorCode.SESSION_REPLACED);
        }
    }

    private void scheduleReconnect(boolean longest) {
        if (!running || frozen) {
            return;
        }
        long delay = longest ? backoff.maxMs() : backoff.nextDelayMs();
        log("reconnect_scheduled", "delayMs", delay, "attempt", backoff.attempts());
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    void reboot() {
        loop.execute(() -> {
            log("reboot");
            rebooting = true;
            closeLink();
        });
    }

    /** The link goes dead without a FIN: nothing is sent and nothing reconnects until {@link #thaw()}. */
    public void freeze() {
        loop.execute(() -> {
            frozen = true;
            log("fault_freeze");
            if (faults.freezeForMs() > 0) {
                loop.schedule(this::thaw, faults.freezeForMs(), TimeUnit.MILLISECONDS);
            }
        });
    }

    public void thaw() {
        loop.execute(() -> {
            if (frozen) {
                frozen = false;
                log("fault_thaw");
                if (!closeLink()) {
                    connect();
                }
            }
        });
    }

    /** Closes the TCP link at once; the receiver then reconnects with back-off. */
    public void dropLink() {
        loop.execute(() -> {
            if (channel != null) {
                log("fault_drop");
                closeLink();
            }
        });
    }

    /** Switches the receiver off: closes the link and stays away. */
    public void stop() {
        running = false;
        loop.execute(this::closeLink);
    }

    /** @return whether there was a link to close; its closing then drives the reconnect logic. */
    private boolean closeLink() {
        Channel c = channel;
        if (c == null) {
            return false;
        }
        c.close();
        return true;
    }

    void log(String event, Object... fields) {
        context.log().record(credentials.id(), event, fields);
    }

    long serverNowMicros() {
        return Micros.now() + clockOffsetMicros;
    }

    /** One TIME_SYNC exchange; the clock follows the best of the recent ones ({@link ClockFilter}). */
    long clockSample(long offsetMicros, long roundTripMicros) {
        clockOffsetMicros = clockFilter.add(offsetMicros, roundTripMicros);
        return clockOffsetMicros;
    }

    public String id() {
        return credentials.id();
    }

    String secret() {
        return credentials.secret();
    }

    String firmware() {
        return context.firmware();
    }

    Faults faults() {
        return faults;
    }

    public DeviceState device() {
        return device;
    }

    CommandExecutor commands() {
        return commands;
    }

    AudioPlayer audio() {
        return audio;
    }

    public boolean online() {
        return online;
    }

    boolean frozen() {
        return frozen;
    }
}
