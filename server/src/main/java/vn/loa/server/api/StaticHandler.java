package vn.loa.server.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;

/**
 * Serves the routes of kind STATIC (the web console: GET / and /web/..., /webjars/...) without a token: the files hold no data,
 * and every call the console then makes is authorised like any other. Console files are not cached by
 * browsers (they change with the server), WebJars are (their paths carry the version).
 */
final class StaticHandler extends ChannelInboundHandlerAdapter {
    private final StaticFiles files;

    StaticHandler(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = Exchange.of(ctx.channel());
        if (!(msg instanceof FullHttpRequest req) || exchange == null || exchange.route().kind() != RouteKind.STATIC) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = exchange.request().path();
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        req.release();
        Optional<StaticFiles.File> file = files.find(path);
        if (file.isEmpty()) {
            ApiHandler.write(ctx, keepAlive, ApiHandler.error(HttpResponseStatus.NOT_FOUND, "no such file: " + path));
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(file.get().bytes()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.get().contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, file.get().bytes().length)
                .set(HttpHeaderNames.CACHE_CONTROL, path.startsWith("/webjars/") ? "max-age=86400" : "no-cache")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; "
                        + "media-src 'self' blob:; style-src 'self' 'unsafe-inline'");
        ApiHandler.send(ctx, keepAlive, response);
    }
}
