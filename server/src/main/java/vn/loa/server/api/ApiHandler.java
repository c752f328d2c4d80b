package vn.loa.server.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.store.StorageFault;
import vn.loa.server.schedule.ScheduleConflict;

/**
 * Reads requests on the I/O thread and runs endpoints on a bounded pool, so a slow endpoint never
 * holds the event loop; a full pool answers 503 at once instead of queueing without bound. Every
 * outcome, including a fault in an endpoint, becomes a JSON response.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private final Router router;
    private final Executor endpoints;
    private final ApiAuditor auditor;
    private final Router.Gate gate;

    ApiHandler(Router router, Router.Gate gate, Executor endpoints, ApiAuditor auditor) {
        this.router = router;
        this.gate = gate;
        this.endpoints = endpoints;
        this.auditor = auditor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            write(ctx, false, error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + req.decoderResult().cause()));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        ApiRequest request = new ApiRequest(req.method(), uri.path(), uri.parameters(),
                req.headers().get(HttpHeaderNames.CONTENT_TYPE), ByteBufUtil.getBytes(req.content()), List.of(),
                address(ctx), req.headers().get(HttpHeaderNames.AUTHORIZATION), null);
        CompletableFuture<ApiResponse> response;
        // The caller as the gate admitted them, so the audit names who was refused or served.
        AtomicReference<ApiRequest> admitted = new AtomicReference<>(request);
        try {
            response = CompletableFuture.supplyAsync(() -> {
                Router.Bound bound = router.resolve(request);
                try {
                    admitted.set(gate.admit(bound.request(), bound.access()));
                } catch (ApiException refused) {
                    if (refused.principal() != null) {
                        admitted.set(bound.request().as(refused.principal()));
                    }
                    throw refused;
                }
                return bound.endpoint().handle(admitted.get());
            }, endpoints).thenCompose(Function.identity());
        } catch (RejectedExecutionException e) {
            response = CompletableFuture.completedFuture(
                    error(HttpResponseStatus.SERVICE_UNAVAILABLE, "the server is busy; try again shortly"));
        }
        response.whenComplete((ok, failure) -> {
            ApiResponse answer = ok != null ? ok : toResponse(request, failure);
            auditor.answered(admitted.get(), answer);
            write(ctx, keepAlive, answer);
        });
    }

    /** The client's address as the audit records it. */
    static String address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }

    static ApiResponse toResponse(ApiRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException e) {
            return error(e.status(), e.code(), e.getMessage());
        }
        if (cause instanceof PlanException e) {
            return error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        StorageFault fault = StorageFault.of(cause).orElse(null);
        if (fault != null) { // a full disk (507) or a lost database (503) is a state the server heals from, not a bug
            return error(HttpResponseStatus.valueOf(fault.httpStatus), fault.code, fault.sentence);
        }
        if (cause instanceof ScheduleConflict.Refused e) {
            return new ApiResponse(HttpResponseStatus.CONFLICT, Map.of("status", 409, "code", "schedule_conflict", "error", e.getMessage(),
                    "conflicts", e.conflicts()));
        }
        log.error("{} {} failed", request.method(), request.path(), cause);
        return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }

    static ApiResponse error(HttpResponseStatus status, String message) {
        return error(status, ApiException.defaultCode(status), message);
    }

    static ApiResponse error(HttpResponseStatus status, String code, String message) {
        return new ApiResponse(status, Map.of("status", status.code(), "code", code, "error", message));
    }

    static void write(ChannelHandlerContext ctx, boolean keepAlive, ApiResponse response) {
        write(ctx, keepAlive, response, false);
    }

    /** @param basicChallenge also offer Basic authentication, for media players that only speak that */
    static void write(ChannelHandlerContext ctx, boolean keepAlive, ApiResponse response, boolean basicChallenge) {
        byte[] json;
        HttpResponseStatus status = response.status();
        String contentType = "application/json; charset=utf-8";
        try {
            if (response.body() instanceof RawBody raw) {
                json = raw.bytes();
                contentType = raw.contentType();
            } else {
                json = Json.MAPPER.writeValueAsBytes(response.body());
            }
        } catch (Exception e) {
            log.error("Cannot serialise a {} response", status, e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            json = "{\"status\":500,\"error\":\"response could not be serialised\"}".getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (status.code() == 401) {
            http.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"loa\"");
            if (basicChallenge) {
                http.headers().add(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"loa\", charset=\"UTF-8\"");
            }
        }
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http);
        } else {
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
