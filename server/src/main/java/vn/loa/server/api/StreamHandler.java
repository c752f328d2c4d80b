package vn.loa.server.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import vn.loa.server.auth.Access;
import vn.loa.server.station.StationDirectory;

/**
 * The two endpoints that answer with a stream instead of one JSON document: GET /api/events
 * (Server-Sent Events) and GET /listen/{station} (audio/mpeg, Icecast style), the routes of kind STREAM.
 * The edge has checked the token (or left a listen ticket to be redeemed here); the scope is checked on
 * the endpoint pool; the stream itself lives on the connection's event loop and is
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
        Exchange exchange = Exchange.of(ctx.channel());
        if (!(msg instanceof FullHttpRequest req) || exchange == null || exchange.route().kind() != RouteKind.STREAM) {
            ctx.fireChannelRead(msg);
            return;
        }
        req.release();
        ApiRequest request = exchange.request();
        boolean isListen = request.path().startsWith("/listen/");
        String station = isListen ? request.pathParam(0) : null;
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
            } else if (!isListen) {
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

    /** A ticket, or the caller the edge admitted (or the gate, when the edge left it to the ticket), then the scope. */
    private ApiRequest admit(ApiRequest request, String station) {
        String ticket = request.param("ticket");
        if (station != null && ticket != null) {
            return request.as(tickets.redeem(ticket, station).orElseThrow(() -> gate.invalidTicket(request)));
        }
        ApiRequest who = request.principal() != null ? request : gate.admit(request, Access.MONITOR);
        if (station != null) {
            directory.station(station).orElseThrow(() -> ApiException.notFound("station '" + station + "' does not exist").withCode("no_such_station").withParam("station", station));
            scopes.requireAll(who, List.of(station), "station " + station);
        }
        return who;
    }

    private static void startStream(ChannelHandlerContext ctx, String contentType) {
        HttpEdge.streaming(ctx);
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
