package vn.loa.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge of one connection. On each request head it looks the route up in the table, checks the
 * token and the route's access, and only then lets the body in, collected up to the route's limit; a
 * refused request's body is thrown away unread into memory. One request is served at a time: reading
 * pauses from the end of a body until its answer is written, so answers leave in the order requests
 * came (HTTP/1.1 pipelining) and a connection can never hold more than one body.
 */
final class HttpEdge extends ChannelInboundHandlerAdapter {
    static final String AGGREGATOR = "aggregator";
    /** How long a refused request's body may keep arriving before the connection is closed. */
    private static final long DISCARD_LINGER_MS = 1_000;

    private final Admission admission;
    private final ApiAuditor auditor;
    private final BodyBudget budget;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ConnectionClock clock;
    /**
     * This handler's own context, kept from when it was added: once the connection closes, the pipeline
     * forgets its handlers, and a task queued before that (an answer written just as the client went
     * away) could no longer look the context up.
     */
    private ChannelHandlerContext self;
    /** Bytes of the body budget the current request holds. */
    private long reservedBytes;

    /** The request being served, from its head until both its body has ended and its answer is written. */
    private HttpRequest head;
    private boolean decided;
    private boolean forwardBody;
    private boolean bodyDone;
    private boolean answered;
    private boolean closeAfterBody;
    private boolean closeReady;
    private boolean streaming;

    HttpEdge(Router router, Router.Gate gate, Executor admissions, ApiAuditor auditor, BodyBudget budget) {
        this.admission = new Admission(router, gate, admissions);
        this.auditor = auditor;
        this.budget = budget;
    }

    /** The answer to the current request has been handed to the connection; the next may be read. */
    static void answered(ChannelHandlerContext ctx) {
        HttpEdge edge = ctx.pipeline().get(HttpEdge.class);
        if (edge != null) {
            ctx.executor().execute(() -> edge.onAnswered(edge.self));
        }
    }

    /** The current request became a stream that lasts as long as the connection. */
    static void streaming(ChannelHandlerContext ctx) {
        HttpEdge edge = ctx.pipeline().get(HttpEdge.class);
        if (edge != null) {
            ctx.executor().execute(() -> {
                // Keep reading (and dropping) what the client sends, so its going away is noticed at once.
                edge.streaming = true;
                edge.pump(edge.self);
            });
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        self = ctx;
        clock = ctx.pipeline().get(ConnectionClock.class);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clock.awaitHead();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        waiting.add(msg);
        pump(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        if (head != null && !decided) {
            ReferenceCountUtil.release(head);
        }
        releaseBudget();
        ctx.fireChannelInactive();
    }

    private void pump(ChannelHandlerContext ctx) {
        while (!waiting.isEmpty() && ctx.channel().isActive()) {
            Object msg = waiting.peek();
            if (streaming) {
                ReferenceCountUtil.release(waiting.poll());
            } else if (msg instanceof HttpRequest next) {
                if (head != null) {
                    break;
                }
                waiting.poll();
                begin(ctx, next);
            } else if (head == null) {
                ReferenceCountUtil.release(waiting.poll());
            } else if (!decided) {
                break;
            } else {
                waiting.poll();
                if (forwardBody) {
                    ctx.fireChannelRead(msg);
                } else {
                    ReferenceCountUtil.release(msg);
                }
                if (msg instanceof LastHttpContent) {
                    bodyEnded(ctx);
                }
            }
        }
        boolean wantsBytes = streaming || head == null || (decided && !bodyDone);
        ctx.channel().config().setAutoRead(wantsBytes);
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest next) {
        head = next;
        decided = forwardBody = bodyDone = answered = closeAfterBody = false;
        clock.pause();
        admission.judge(ctx, next, verdict -> {
            if (verdict instanceof Admission.Admitted a) {
                admitted(ctx, a.route(), a.request());
            } else if (verdict instanceof Admission.Refused r) {
                refuse(ctx, r.request(), r.answer(), r.close(), r.basicChallenge());
            }
        });
    }

    private void admitted(ChannelHandlerContext ctx, Route route, ApiRequest who) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long declared = HttpUtil.getContentLength(head, -1L);
        boolean chunked = HttpUtil.isTransferEncodingChunked(head);
        long needed = chunked ? route.bodyLimit() : Math.max(0, declared);
        if (needed > 0 && !budget.reserve(needed)) {
            refuse(ctx, who, ApiHandler.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy",
                    "the server is collecting too many request bodies at once; try again shortly"), true, false);
            return;
        }
        reservedBytes = needed;
        if (HttpUtil.is100ContinueExpected(head)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            head.headers().remove(HttpHeaderNames.EXPECT);
        }
        BodyLimitAggregator aggregator = (BodyLimitAggregator) ctx.pipeline().get(AGGREGATOR);
        if (aggregator.maxBytes() != route.bodyLimit()) {
            ctx.pipeline().replace(AGGREGATOR, AGGREGATOR, new BodyLimitAggregator(route.bodyLimit()));
        }
        new Exchange(route, who).attachTo(ctx.channel());
        decided = true;
        forwardBody = true;
        clock.awaitBody(chunked ? -1 : declared);
        ctx.fireChannelRead(head);
        if (head instanceof LastHttpContent) {
            bodyEnded(ctx);
        }
        pump(ctx);
    }

    static ApiResponse tooLarge(int limit) {
        return ApiHandler.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                "the request body is larger than this endpoint's limit of " + limit + " bytes",
                java.util.Map.of("limit", sizeInWords(limit)));
    }

    /** A byte limit as people say it: "2 MB", "64 KB", "512 B" (1 KB = 1024 B). */
    static String sizeInWords(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 || bytes >= 10L * 1024 * 1024) {
            return (bytes + 512 * 1024) / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return bytes + " B";
    }

    /**
     * Answers from the head alone and throws the body away as it arrives. When a body is still to come,
     * the connection closes after it (or after a short linger), so a refused upload costs no memory and
     * the next request never has to wait behind a stranger's megabytes.
     *
     * @param basicChallenge offer Basic authentication too: media players ask for the listen-in stream that way
     */
    private void refuse(ChannelHandlerContext ctx, ApiRequest request, ApiResponse answer, boolean close,
                        boolean basicChallenge) {
        auditor.answered(request, answer);
        boolean bodyComing = HttpUtil.getContentLength(head, 0L) > 0 || HttpUtil.isTransferEncodingChunked(head);
        ReferenceCountUtil.release(head);
        decided = true;
        forwardBody = false;
        if (head instanceof LastHttpContent || !head.decoderResult().isSuccess()) {
            bodyDone = true;
        } else {
            clock.awaitBody(HttpUtil.isTransferEncodingChunked(head) ? -1 : HttpUtil.getContentLength(head, 0L));
        }
        ApiHandler.write(ctx, !close && !bodyComing && HttpUtil.isKeepAlive(head), answer, basicChallenge);
        pump(ctx);
    }

    /** An answer that ends the connection is on its way: no further request is read. */
    static void closing(ChannelHandlerContext ctx) {
        HttpEdge edge = ctx.pipeline().get(HttpEdge.class);
        if (edge != null) {
            ctx.executor().execute(() -> edge.closeAfterBody = true);
        }
    }

    /** That answer is flushed: close now, or once the refused body has drained (at most a short linger). */
    static void closeWhenBodyEnds(ChannelHandlerContext ctx) {
        HttpEdge edge = ctx.pipeline().get(HttpEdge.class);
        if (edge == null) {
            ctx.close();
            return;
        }
        ctx.executor().execute(() -> {
            edge.closeReady = true;
            if (edge.head == null || edge.bodyDone) {
                ctx.close();
            } else {
                ctx.executor().schedule(() -> ctx.close(), DISCARD_LINGER_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void bodyEnded(ChannelHandlerContext ctx) {
        bodyDone = true;
        clock.pause();
        finishIfDone(ctx);
    }

    private void onAnswered(ChannelHandlerContext ctx) {
        answered = true;
        finishIfDone(ctx);
        pump(ctx);
    }

    private void finishIfDone(ChannelHandlerContext ctx) {
        if (head == null || !answered || !bodyDone) {
            return;
        }
        if (closeAfterBody) {
            if (closeReady) {
                ctx.close();
            }
            return;
        }
        head = null;
        releaseBudget();
        clock.awaitHead();
    }

    private void releaseBudget() {
        budget.release(reservedBytes);
        reservedBytes = 0;
    }
}
