package vn.loa.server.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import vn.loa.server.auth.Access;
import vn.loa.server.station.StationDirectory;

/**
 * The two endpoints that answer with a stream instead of one JSON document: GET /api/events
 * (Server-Sent Events) and GET /listen/{station} (audio/mpeg, Icecast style). The token is checked on
 * the endpoint pool like any request; the stream itself lives on the connection's event loop and is
 * fed by {@link EventStream} or the {@link ListenHub}. Everything else passes on to the JSON API.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {
    private final Router.Gate gate;
    private final Executor endpoints;
    private final ApiAuditor auditor;
    private final Scopes scopes;
    private final StationDirectory directory;
    private final EventStream events;
    private final ListenHub listen;
    private final ListenTickets tickets;

    StreamHandler(Router.Gate gate, Executor endpoints, ApiAuditor auditor, Scopes scopes, StationDirectory directory,
                  EventStream events, ListenHub listen, ListenTickets tickets) {
        this.tickets = tickets;
        this.gate = gate;
        this.endpoints = endpoints;
        this.auditor = auditor;
        this.scopes = scopes;
        this.directory = directory;
        this.events = events;
        this.listen = listen;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req) || !req.method().equals(HttpMethod.GET)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        boolean isEvents = path.equals("/api/events");
        boolean isListen = path.startsWith("/listen/") && path.length() > "/listen/".length();
        if (!isEvents && !isListen) {
            ctx.fireChannelRead(msg);
            return;
        }
        ApiRequest request = new ApiRequest(req.method(), path, new QueryStringDecoder(req.uri()).parameters(), null,
                ByteBufUtil.getBytes(req.content()), List.of(), ApiHandler.address(ctx), req.headers().get(HttpHeaderNames.AUTHORIZATION),
                null);
        req.release();
        String station = isListen ? path.substring("/listen/".length()) : null;
        CompletableFuture<ApiRequest> admitted;
        try {
            admitted = CompletableFuture.supplyAsync(() -> admit(request, station), endpoints);
        } catch (RejectedExecutionException e) {
            ApiHandler.write(ctx, false, ApiHandler.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "the server is busy"));
            return;
        }
        admitted.whenComplete((who, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                ApiResponse refusal = ApiHandler.toResponse(request, failure);
                auditor.answered(request, refusal);
                ApiHandler.write(ctx, false, refusal, isListen);
            } else if (isEvents) {
                startStream(ctx, "text/event-stream; charset=utf-8");
                events.attach(ctx.channel(), who);
            } else if (!listen.add(station, ctx.channel())) {
                ApiHandler.write(ctx, false, ApiHandler.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "too many listeners already (" + ListenHub.MAX_LISTENERS + ")"));
            } else {
                startStream(ctx, "audio/mpeg");
            }
        }));
    }

    private ApiRequest admit(ApiRequest request, String station) {
        String ticket = request.param("ticket");
        if (station != null && ticket != null) {
            return request.as(tickets.redeem(ticket, station).orElseThrow(() ->
                    ApiException.unauthorized("the listen ticket is unknown, used or expired; ask for a new one")));
        }
        ApiRequest who = gate.admit(request, Access.MONITOR);
        if (station != null) {
            directory.station(station).orElseThrow(() -> ApiException.notFound("station '" + station + "' does not exist"));
            scopes.requireAll(who, List.of(station), "station " + station);
        }
        return who;
    }

    private static void startStream(ChannelHandlerContext ctx, String contentType) {
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Accel-Buffering", "no");
        HttpUtil.setTransferEncodingChunked(head, true);
        if (contentType.startsWith("text")) {
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(": connected\n\n", StandardCharsets.UTF_8)));
        } else {
            ctx.writeAndFlush(head);
        }
    }
}
