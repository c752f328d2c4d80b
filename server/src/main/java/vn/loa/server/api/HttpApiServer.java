package vn.loa.server.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.transport.NettyTransport;
import vn.loa.server.auth.Access;

/**
 * The HTTP API, on its own event loop, apart from the receivers: a burst of API calls never delays a
 * receiver's frames. Endpoints run on a small bounded pool, never on the I/O thread. Each connection's
 * pipeline: the connection caps, a clock for timeouts, the HTTP codec, the edge (route, token and limit from the head, one
 * request at a time), the body collector, then the handler for the route's kind.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);

    private final NettyTransport transport = NettyTransport.best();
    private final EventLoopGroup io = transport.group(1, new DefaultThreadFactory("http-io"));
    /** Requests waiting for an endpoint thread beyond this are answered 503. */
    private static final int MAX_QUEUED_REQUESTS = 1_000;
    private final ThreadPoolExecutor endpoints;
    private final Router router;
    private Channel serverChannel;

    private final ApiAuditor auditor;
    private final Router.Gate gate;

    private final Streams streams;
    private final Timeouts timeouts;
    private final StaticFiles staticFiles = new StaticFiles();

    /** What the streaming endpoints (events, listen-in) need. */
    public record Streams(Scopes scopes, vn.loa.server.station.StationDirectory directory, EventStream events,
                          ListenHub listen, ListenTickets tickets) {
    }

    /**
     * How long the server waits on a client.
     *
     * @param headerMs a request head must arrive whole within this of its first byte
     * @param idleMs   a connection waiting for its next request, or for more of a body, is closed after this
     */
    public record Timeouts(long headerMs, long idleMs) {
    }

    /**
     * What all clients together may hold of the server.
     *
     * @param connections          the connection caps, shared with the metrics
     * @param bodyBytesInFlight    request body bytes all connections together may be collecting at once
     * @param minBodyBytesPerSecond a body must arrive within the header timeout plus its length at this rate
     */
    public record Limits(HttpConnections connections, long bodyBytesInFlight, long minBodyBytesPerSecond) {
        public static Limits defaults() {
            return new Limits(new HttpConnections(4_096, 256), 128L * 1024 * 1024, 8 * 1024);
        }
    }

    /**
     * @param router the routing table; the console's files and the streams are added to it here
     */
    public HttpApiServer(Router router, Router.Gate gate, int endpointThreads, ApiAuditor auditor, Timeouts timeouts,
                         Streams streams) {
        this.streams = streams;
        this.timeouts = timeouts;
        this.router = router.add(HttpMethod.GET, "/", Access.PUBLIC, RouteKind.STATIC, null)
                .add(HttpMethod.GET, "/index.html", Access.PUBLIC, RouteKind.STATIC, null)
                .add(HttpMethod.GET, "/web/{file...}", Access.PUBLIC, RouteKind.STATIC, null)
                .add(HttpMethod.GET, "/webjars/{file...}", Access.PUBLIC, RouteKind.STATIC, null)
                .add(HttpMethod.GET, "/api/events", Access.MONITOR, RouteKind.STREAM, null)
                .add(HttpMethod.GET, "/listen/{station}", Access.MONITOR, RouteKind.STREAM, null);
        this.gate = gate;
        this.auditor = auditor;
        this.endpoints = new ThreadPoolExecutor(endpointThreads, endpointThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), new DefaultThreadFactory("http-api"));
    }

    private SslContext tls;
    private Limits limits = Limits.defaults();
    private BodyBudget budget = new BodyBudget(limits.bodyBytesInFlight());

    /** Caps other than the defaults (4,096 connections, 256 per address, 128 MiB of bodies, 8 KiB/s). */
    public HttpApiServer limits(Limits limits) {
        this.limits = limits;
        this.budget = new BodyBudget(limits.bodyBytesInFlight());
        return this;
    }

    /** TLS on this port (receiver branch, issue 14): a context from identity.ServerTls, or null for plain HTTP. */
    public HttpApiServer tls(SslContext context) {
        this.tls = context;
        return this;
    }

    /** Request body bytes being collected now, all connections together. */
    long bodyBytesReserved() {
        return budget.reserved();
    }

    public int start(String bindAddress, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(io)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("connections", limits.connections())
                                .addLast("clock", new ConnectionClock(timeouts.headerMs(), timeouts.idleMs(),
                                        limits.minBodyBytesPerSecond()))
                                .addLast("http", new HttpServerCodec())
                                .addLast("edge", new HttpEdge(router, gate, endpoints, auditor, budget))
                                .addLast(HttpEdge.AGGREGATOR, new BodyLimitAggregator(0))
                                .addLast("console", new StaticHandler(staticFiles))
                                .addLast("streams", new StreamHandler(gate, endpoints, auditor, streams.scopes(),
                                        streams.directory(), streams.events(), streams.listen(), streams.tickets()))
                                .addLast("api", new ApiHandler(endpoints, auditor));
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
