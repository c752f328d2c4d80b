package vn.loa.server.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.transport.NettyTransport;

/**
 * The HTTP API, on its own event loop, apart from the receivers: a burst of API calls never delays a
 * receiver's frames. Endpoints run on a small bounded pool, never on the I/O thread.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);
    /** Request bodies are small JSON documents; media uploads have their own limit (maxUploadBytes). */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final NettyTransport transport = NettyTransport.best();
    private final EventLoopGroup io = transport.group(1, new DefaultThreadFactory("http-io"));
    /** Requests waiting for an endpoint thread beyond this are answered 503. */
    private static final int MAX_QUEUED_REQUESTS = 1_000;
    private final ThreadPoolExecutor endpoints;
    private final Router router;
    private Channel serverChannel;

    private final ApiAuditor auditor;
    private final Router.Gate gate;

    private final int maxUploadBytes;
    private final Streams streams;
    private final StaticFiles staticFiles = new StaticFiles();

    /** What the streaming endpoints (events, listen-in) need. */
    public record Streams(Scopes scopes, vn.loa.server.station.StationDirectory directory, EventStream events,
                          ListenHub listen, ListenTickets tickets) {
    }

    public HttpApiServer(Router router, Router.Gate gate, int endpointThreads, ApiAuditor auditor, long maxUploadBytes,
                         Streams streams) {
        this.streams = streams;
        this.maxUploadBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes);
        this.router = router;
        this.gate = gate;
        this.auditor = auditor;
        this.endpoints = new ThreadPoolExecutor(endpointThreads, endpointThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), new DefaultThreadFactory("http-api"));
    }

    private SslContext tls;

    /** TLS on this port (receiver branch, issue 14): a context from identity.ServerTls, or null for plain HTTP. */
    public HttpApiServer tls(SslContext context) {
        this.tls = context;
        return this;
    }

    public int start(String bindAddress, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(io)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec())
                                .addLast("continue", new HttpServerExpectContinueHandler())
                                .addLast("limits", new BodyLimitSelector(MAX_BODY_BYTES, maxUploadBytes))
                                .addLast(BodyLimitSelector.AGGREGATOR, new BodyLimitAggregator(MAX_BODY_BYTES))
                                .addLast("console", new StaticHandler(staticFiles))
                                .addLast("streams", new StreamHandler(gate, endpoints, auditor, streams.scopes(),
                                        streams.directory(), streams.events(), streams.listen(), streams.tickets()))
                                .addLast("api", new ApiHandler(router, gate, endpoints, auditor));
                        if (tls != null) {
                            ch.pipeline().addFirst("tls", tls.newHandler(ch.alloc()));
                        }
                    }
                })
                .bind(bindAddress, port).sync().channel();
        int bound = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("HTTP API listening on http://{}:{}/api/health", bindAddress, bound);
        return bound;
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        endpoints.shutdownNow();
    }
}
