package vn.loa.server.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.policy.PolicyRefusal;
import vn.loa.server.store.StorageFault;
import vn.loa.server.schedule.ScheduleConflict;
import vn.loa.server.text.TextRules;

/**
 * Serves JSON and upload routes: the edge has already matched the route and admitted the caller from the
 * request head; here the collected body joins the request and the endpoint runs on a bounded pool, so a
 * slow endpoint never holds the event loop and a full pool answers 503 at once instead of queueing
 * without bound. Every outcome, including a fault in an endpoint, becomes a JSON response.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private final Executor endpoints;
    private final ApiAuditor auditor;

    ApiHandler(Executor endpoints, ApiAuditor auditor) {
        this.endpoints = endpoints;
        this.auditor = auditor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        Exchange exchange = Exchange.of(ctx.channel());
        ApiRequest request = exchange.withBody(ByteBufUtil.getBytes(req.content()));
        CompletableFuture<ApiResponse> response;
        try {
            response = CompletableFuture.supplyAsync(() -> auditor.serve(request, exchange.route().endpoint()), endpoints)
                    .thenCompose(Function.identity());
        } catch (RejectedExecutionException e) {
            ApiResponse busy = error(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy", "the server is busy; try again shortly");
            auditor.answered(request, busy);
            response = CompletableFuture.completedFuture(busy);
        }
        response.whenComplete((ok, failure) -> write(ctx, keepAlive, ok != null ? ok : toResponse(request, failure)));
    }

    /** The client's address as the audit records it. */
    static String address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }

    static ApiResponse toResponse(ApiRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException e) {
            return error(e.status(), e.code(), e.getMessage(), e.params());
        }
        if (cause instanceof PolicyRefusal e) {
            return error(e.reason().forbidden() ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST,
                    e.reason().code(), e.getMessage(), e.params());
        }
        if (cause instanceof FailedTokens.Blocked e) {
            Map<String, Object> body = body(HttpResponseStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage(),
                    Map.of("seconds", String.valueOf(e.retryAfterSeconds()),
                            "minutes", String.valueOf(Math.max(1, (e.retryAfterSeconds() + 59) / 60))));
            body.put("retryAfter", e.retryAfterSeconds());
            return new ApiResponse(HttpResponseStatus.TOO_MANY_REQUESTS, body);
        }
        if (cause instanceof PlanException e) {
            return error(HttpResponseStatus.BAD_REQUEST, e.code(), e.getMessage(), e.params());
        }
        if (cause instanceof TextRules.Rejected e) {
            return error(HttpResponseStatus.BAD_REQUEST, "invalid_text", e.getMessage());
        }
        StorageFault fault = StorageFault.of(cause).orElse(null);
        if (fault != null) { // a full disk (507) or a lost database (503) is a state the server heals from, not a bug
            if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
                // A read is no write: a full disk does not refuse it (507 would tell the client to free
                // space), only a store that cannot answer just now, which the client may retry shortly.
                Map<String, Object> body = body(HttpResponseStatus.SERVICE_UNAVAILABLE, StorageFault.UNREACHABLE.code,
                        "the server's database cannot answer just now; retry shortly", Map.of());
                body.put("retryAfter", StorageFault.RETRY_AFTER_SECONDS);
                return new ApiResponse(HttpResponseStatus.SERVICE_UNAVAILABLE, body);
            }
            return error(HttpResponseStatus.valueOf(fault.httpStatus), fault.code, fault.sentence);
        }
        if (cause instanceof ScheduleConflict.Refused e) {
            Map<String, Object> body = body(HttpResponseStatus.CONFLICT, "schedule_conflict", e.getMessage(), Map.of());
            body.put("conflicts", e.conflicts());
            return new ApiResponse(HttpResponseStatus.CONFLICT, body);
        }
        log.error("{} {} failed", request.method(), request.path(), cause);
        return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }

    static ApiResponse error(HttpResponseStatus status, String message) {
        return error(status, ApiException.defaultCode(status), message);
    }

    static ApiResponse error(HttpResponseStatus status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    static ApiResponse error(HttpResponseStatus status, String code, String message, Map<String, String> params) {
        return new ApiResponse(status, body(status, code, message, params));
    }

    /**
     * Every error body: {@code status}, {@code code}, the English {@code error}, and {@code params}, the
     * values the refusal names in order (an empty object when it names none), which the console puts into
     * its translated sentence.
     */
    static Map<String, Object> body(HttpResponseStatus status, String code, String message, Map<String, String> params) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", status.code());
        body.put("code", code);
        body.put("error", message);
        body.put("params", new java.util.LinkedHashMap<>(params));
        return body;
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
        response.headers().forEach((name, value) -> http.headers().set(name, value));
        if ((status.code() == 429 || status.code() == 503) && response.body() instanceof Map<?, ?> body && body.get("retryAfter") != null) {
            http.headers().set(HttpHeaderNames.RETRY_AFTER, body.get("retryAfter"));
        }
        send(ctx, keepAlive, http);
    }

    /**
     * Writes a complete answer and lets the edge read the next request. Without keep-alive the answer
     * says so and the edge closes the connection once the request's body has ended.
     */
    static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse http) {
        http.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (keepAlive) {
            ctx.writeAndFlush(http);
        } else {
            HttpEdge.closing(ctx);
            ctx.writeAndFlush(http).addListener(f -> HttpEdge.closeWhenBodyEnds(ctx));
        }
        HttpEdge.answered(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
