package vn.loa.server.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.transport.NettyTransport;
import vn.loa.server.auth.StationSecrets;
import vn.loa.server.config.ServerSettings;
import vn.loa.server.identity.ServerIdentity;
import vn.loa.server.identity.ServerTls;
import vn.loa.server.station.ReceiverOutlet;
import vn.loa.server.station.SendRound;
import vn.loa.server.station.StationControl;
import vn.loa.server.station.StationDirectory;
import vn.loa.server.station.StationOutlets;
import vn.loa.server.station.StationRegistry;

/** The TCP endpoint receivers connect to. */
public final class ReceiverGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReceiverGateway.class);
    private final GatewayContext context;
    private final NettyTransport transport = NettyTransport.best();
    private final EventLoopGroup boss = transport.group(1, new DefaultThreadFactory("receiver-accept"));
    private final EventLoopGroup workers = transport.group(0, new DefaultThreadFactory("receiver-io"));
    private final StationControl control;
    private Channel serverChannel;

    public ReceiverGateway(ServerSettings settings, StationDirectory directory, StationSecrets secrets,
                           StationRegistry registry, Clock clock) {
        this.context = new GatewayContext(settings, directory, secrets, registry, new ConnectionTable(registry),
                new ServerClock(clock), new SecureRandom(), new AtomicLong(), new PreAuthSlots(settings.receiverLimits().preAuthConnections(),
                        settings.receiverLimits().preAuthPerAddress()),
                ServerIdentity.loadOrCreate(settings.dataDir()));
        this.control = new GatewayStationControl(context);
    }

    /** Binds and returns the port actually bound (the configured one, or a free one for port 0). */
    public int start() throws InterruptedException {
        ServerSettings s = context.settings();
        ServerBootstrap bootstrap = new ServerBootstrap();
        if (s.sendBufferBytes() > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, s.sendBufferBytes());
        }
        // Above the high mark a receiver is not writable, and playout skips audio for it instead of queueing.
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(s.writeBufferLowBytes(), s.writeBufferHighBytes());
        serverChannel = bootstrap
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(new ReceiverChannelInitializer(context, ServerTls.forReceivers(s.tls())))
                .bind(s.bindAddress(), s.receiverPort()).sync().channel();
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("Receiver gateway listening on {}:{} (heartbeat {} ms, offline after {} ms, {} transport)", s.bindAddress(),
                port, s.heartbeatIntervalMs(), s.offlineAfterMs(), transport.name().toLowerCase(Locale.ROOT));
        log.info("Server identity {} (receivers pin {}){}", context.identity().fingerprint(),
                context.identity().publicFile(), s.tls().receivers() ? ", TLS on the receiver port" : "");
        return port;
    }

    public StationControl control() {
        return control;
    }

    public StationOutlets outlets() {
        return new StationOutlets() {
            @Override
            public ReceiverOutlet outlet(String id) {
                ReceiverConnection c = context.connections().get(id);
                return c == null ? null : c.outlet();
            }

            @Override
            public SendRound round() {
                return new LoopSendRound();
            }

            /** A task queued on every event loop runs after the writes queued there before it. */
            @Override
            public CompletableFuture<Void> afterQueuedWrites() {
                List<CompletableFuture<Void>> loops = new ArrayList<>();
                for (EventExecutor loop : workers) {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    try {
                        loop.execute(() -> done.complete(null));
                    } catch (RejectedExecutionException e) {
                        done.complete(null);
                    }
                    loops.add(done);
                }
                return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
            }
        };
    }

    /** Tells every receiver the server is going away, so they reconnect with back-off rather than at once. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        // Each connection is closed only after its SHUTTING_DOWN has been written, and the event loops are
        // stopped only after that: stopping them first would close the channels before the error left.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<ReceiverConnection> open = List.copyOf(context.connections().all());
        open.forEach(c -> c.closeWith(ErrorCode.SHUTTING_DOWN, "server shutting down"));
        for (ReceiverConnection c : open) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !c.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                break;
            }
        }
        boss.shutdownGracefully(0, 2_000, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(0, 3_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
