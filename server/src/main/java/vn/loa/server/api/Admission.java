package vn.loa.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import vn.loa.server.auth.Access;

/**
 * Judges a request from its head alone: its route in the table, then the caller against the route's
 * access. The token check reads the database, so it runs on the endpoint pool, never on the event loop;
 * the verdict comes back on the connection's event loop.
 */
final class Admission {
    /** What the head earned. */
    sealed interface Verdict {
    }

    /** The body may come in: the route, and the request as the gate admitted it (path parameters filled in). */
    record Admitted(Route route, ApiRequest request) implements Verdict {
    }

    /**
     * Answered from the head.
     *
     * @param close          end the connection after the answer, whatever the client asked
     * @param basicChallenge offer Basic authentication too (media players ask for /listen that way)
     */
    record Refused(ApiRequest request, ApiResponse answer, boolean close, boolean basicChallenge) implements Verdict {
    }

    private final Router router;
    private final Router.Gate gate;
    private final Executor pool;

    Admission(Router router, Router.Gate gate, Executor pool) {
        this.router = router;
        this.gate = gate;
        this.pool = pool;
    }

    /** A declared length over the route's limit, or a chunked body (length unknown) where none is taken. */
    static boolean oversized(HttpRequest head, Route route) {
        long declared = HttpUtil.getContentLength(head, -1L);
        return declared > route.bodyLimit() || (route.bodyLimit() == 0 && HttpUtil.isTransferEncodingChunked(head));
    }

    private static java.util.Map<String, String> carried(HttpRequest head) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String name : ApiRequest.CARRIED) {
            String value = head.headers().get(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    void judge(ChannelHandlerContext ctx, HttpRequest head, Consumer<Verdict> then) {
        QueryStringDecoder uri = new QueryStringDecoder(head.uri());
        ApiRequest request = new ApiRequest(head.method(), uri.path(), uri.parameters(),
                head.headers().get(HttpHeaderNames.CONTENT_TYPE), new byte[0], List.of(), ApiHandler.address(ctx),
                head.headers().get(HttpHeaderNames.AUTHORIZATION), null, carried(head), null);
        if (!head.decoderResult().isSuccess()) {
            then.accept(new Refused(request, ApiHandler.error(HttpResponseStatus.BAD_REQUEST, "malformed_request",
                    "malformed HTTP request: " + head.decoderResult().cause()), true, false));
            return;
        }
        Router.Match match;
        try {
            match = router.match(head.method(), uri.path());
        } catch (ApiException e) {
            then.accept(new Refused(request, ApiHandler.toResponse(request, e), false, false));
            return;
        }
        Route route = match.route();
        ApiRequest bound = request.withPathParams(match.params());
        if (oversized(head, route)) {
            // Judged before the token: a body the route would never read is refused whoever sends it.
            then.accept(new Refused(bound, HttpEdge.tooLarge(route.bodyLimit()), false, false));
            return;
        }
        // A listen ticket is redeemed by the stream handler; such a request carries no body to protect.
        boolean ticketHolder = route.kind() == RouteKind.STREAM && bound.param("ticket") != null;
        if (route.access() == Access.PUBLIC || ticketHolder) {
            then.accept(new Admitted(route, bound));
            return;
        }
        boolean stream = route.kind() == RouteKind.STREAM;
        try {
            pool.execute(() -> {
                Verdict verdict;
                try {
                    verdict = new Admitted(route, gate.admit(bound, route.access()));
                } catch (ApiException refused) {
                    ApiRequest named = refused.principal() == null ? bound : bound.as(refused.principal());
                    verdict = new Refused(named, ApiHandler.toResponse(named, refused), false, stream);
                } catch (RuntimeException failure) {
                    verdict = new Refused(bound, ApiHandler.toResponse(bound, failure), false, stream);
                }
                Verdict decided = verdict;
                ctx.executor().execute(() -> then.accept(decided));
            });
        } catch (RejectedExecutionException e) {
            then.accept(new Refused(bound, ApiHandler.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy",
                    "the server is busy; try again shortly"), true, false));
        }
    }
}
