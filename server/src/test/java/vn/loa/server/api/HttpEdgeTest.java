package vn.loa.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Access;
import vn.loa.server.auth.Principal;
import vn.loa.server.auth.Role;
import vn.loa.server.store.Database;

/**
 * The HTTP edge on its own, with a routing table of test endpoints, spoken to over raw sockets: what a
 * hostile or careless client can make the server hold, and in which order answers leave.
 */
class HttpEdgeTest {
    private static final String TOKEN = "good-token";
    private static final long HEADER_TIMEOUT_MS = 400;
    private static final long IDLE_TIMEOUT_MS = 800;

    @TempDir
    Path dir;
    private Database database;
    private HttpApiServer http;
    private int port;
    private final AtomicInteger bodiesServed = new AtomicInteger();
    /** Small caps so the tests can reach them: 16 connections, 3 per address. */
    private final HttpConnections connections = new HttpConnections(16, 3);
    /** Room for two parked 4,000-byte bodies, not three. */
    private static final long BODY_BUDGET = 10_000;
    private static final long MIN_BODY_RATE = 8_192;

    @BeforeEach
    void start() throws Exception {
        database = new Database(Database.h2Url(dir), "", "", 2);
        Router router = new Router(4096, 1_000_000)
                .add(HttpMethod.GET, "/api/slow", Access.PUBLIC, r -> CompletableFuture.supplyAsync(
                        () -> ApiResponse.ok(Map.of("n", "slow")), CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS)))
                .add(HttpMethod.GET, "/api/fast/{n}", Access.PUBLIC, Endpoint.sync(r -> ApiResponse.ok(Map.of("n", r.pathParam(0)))))
                .add(HttpMethod.POST, "/api/things", Access.CONTENT, Endpoint.sync(this::served))
                .add(HttpMethod.POST, "/api/upload", Access.CONTENT, RouteKind.UPLOAD, Endpoint.sync(this::served));
        Router.Gate gate = (request, access) -> {
            if (access == Access.PUBLIC) {
                return request;
            }
            if (!("Bearer " + TOKEN).equals(request.authorization())) {
                throw ApiException.unauthorized("no valid token");
            }
            return request.as(new Principal("editor", Role.OPERATOR, Set.of("province")));
        };
        http = new HttpApiServer(router, gate, 2, new ApiAuditor(new AuditLog(database.dataSource()), Clock.systemUTC()),
                new HttpApiServer.Timeouts(HEADER_TIMEOUT_MS, IDLE_TIMEOUT_MS), new HttpApiServer.Streams(null, null, null, null, null))
                .limits(new HttpApiServer.Limits(connections, BODY_BUDGET, MIN_BODY_RATE));
        port = http.start("127.0.0.1", 0);
    }

    private ApiResponse served(ApiRequest request) {
        bodiesServed.incrementAndGet();
        return new ApiResponse(HttpResponseStatus.CREATED, Map.of("bytes", request.body().length));
    }

    @AfterEach
    void stop() {
        http.close();
        database.close();
    }

    @Test
    void pipelinedAnswersLeaveInTheOrderTheRequestsCameEvenWhenTheFirstIsSlow() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("GET /api/slow HTTP/1.1\r\nHost: loa\r\n\r\n"
                    + "GET /api/fast/1 HTTP/1.1\r\nHost: loa\r\n\r\n"
                    + "GET /api/fast/2 HTTP/1.1\r\nHost: loa\r\n\r\n");
            assertTrue(client.read().body().contains("\"slow\""), "the slow first answer comes first");
            assertTrue(client.read().body().contains("\"1\""));
            assertTrue(client.read().body().contains("\"2\""));
        }
    }

    @Test
    void anAnonymousUploadIsRefusedFromItsHeadWithoutWaitingForTheBody() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            long started = System.nanoTime();
            // The head promises 900 kB (under the upload limit) that never come: only the head can be judged.
            RawHttp.Answer answer = client.send("POST /api/upload HTTP/1.1\r\nHost: loa\r\nContent-Type: audio/mpeg\r\n"
                    + "Content-Length: 900000\r\n\r\n").read();
            assertEquals(401, answer.status(), answer.toString());
            assertTrue(answer.body().contains("\"code\":\"unauthorized\""), answer.body());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "answered from the head, at once");
            assertEquals("close", answer.header("Connection"));
            client.send(new byte[64 * 1024]);
            assertTrue(client.closedWithin(3_000), "the connection ends instead of waiting for the stranger's body");
        }
        assertEquals(0, bodiesServed.get());
    }

    @Test
    void aJsonBodyOverTheRouteLimitIsRefused413BeforeItIsReadAndNothingRuns() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send("POST /api/things HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n").read();
            assertEquals(413, answer.status(), answer.toString());
            assertTrue(answer.body().contains("\"code\":\"body_too_large\""), answer.body());
            assertTrue(answer.body().contains("4096"), "the answer names the limit: " + answer.body());
        }
        try (RawHttp client = new RawHttp(port)) {
            // The same size is fine where the route is an upload.
            String head = "POST /api/upload HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: audio/mpeg\r\nContent-Length: 5000\r\n\r\n";
            client.send(head).send(new byte[5000]);
            assertEquals(201, client.read().status());
        }
        assertEquals(1, bodiesServed.get(), "only the upload ran");
    }

    @Test
    void aChunkedJsonBodyThatGrowsPastTheLimitIsRefused413() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            StringBuilder request = new StringBuilder("POST /api/things HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 5; i++) {
                request.append("400\r\n").append(" ".repeat(1024)).append("\r\n");
            }
            request.append("0\r\n\r\n");
            RawHttp.Answer answer = client.send(request.toString()).read();
            assertEquals(413, answer.status(), answer.toString());
            // The connection is still usable for the next request.
            assertEquals(200, client.send("GET /api/fast/3 HTTP/1.1\r\nHost: loa\r\n\r\n").read().status());
        }
        assertEquals(0, bodiesServed.get());
    }

    @Test
    void aClientThatSendsHalfAHeadAndTricklesIsClosedAfterTheHeaderTimeout() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("GET /api/fast/1 HTTP/1.1\r\nHost: loa\r\n");
            long started = System.nanoTime();
            boolean closed = false;
            // A byte now and then keeps an idle timer happy; the head as a whole must still arrive in time.
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    client.send("X");
                } catch (java.io.IOException reset) {
                    closed = true;
                    break;
                }
                closed = client.closedWithin(100);
            }
            assertTrue(closed, "a slowloris head is cut off");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(tookMs < HEADER_TIMEOUT_MS + 1_500, "closed after about the header timeout, took " + tookMs + " ms");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            assertEquals(200, client.send("GET /api/fast/1 HTTP/1.1\r\nHost: loa\r\n\r\n").read().status());
            assertFalse(client.closedWithin((int) IDLE_TIMEOUT_MS / 2), "kept alive for a while");
            assertEquals(200, client.send("GET /api/fast/2 HTTP/1.1\r\nHost: loa\r\n\r\n").read().status());
            assertTrue(client.closedWithin((int) IDLE_TIMEOUT_MS * 4), "then closed when nothing more comes");
        }
    }

    @Test
    void aSlowEndpointIsNotIdlenessAndItsAnswerStillArrives() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            // 700 ms of work is longer than the header timeout; the clock is paused while the server has the turn.
            assertEquals(200, client.send("GET /api/slow HTTP/1.1\r\nHost: loa\r\n\r\n").read().status());
        }
    }

    @Test
    void aChangeWhoseAuditRowCannotBeWrittenIsNotMade() throws Exception {
        database.close();
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send("POST /api/things HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").read();
            assertEquals(503, answer.status(), answer.toString());
            assertTrue(answer.body().contains("\"code\":\"audit_unavailable\""), answer.body());
        }
        assertEquals(0, bodiesServed.get(), "the endpoint never ran");
    }

    @Test
    void aClientThatAsksBeforeSendingIsToldToContinueOnlyOnceItsTokenAndLengthAreAccepted() throws Exception {
        try (RawHttp stranger = new RawHttp(port)) {
            String head = stranger.send("POST /api/upload HTTP/1.1\r\nHost: loa\r\nContent-Type: audio/mpeg\r\n"
                    + "Content-Length: 5000\r\nExpect: 100-continue\r\n\r\n").readHead();
            assertTrue(head.startsWith("HTTP/1.1 401"), "no 100 Continue for a stranger: " + head);
        }
        try (RawHttp editor = new RawHttp(port)) {
            String head = editor.send("POST /api/upload HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: audio/mpeg\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n").readHead();
            assertTrue(head.startsWith("HTTP/1.1 100"), head);
            assertEquals(201, editor.send(new byte[5000]).read().status());
        }
        assertEquals(1, bodiesServed.get());
    }

    @Test
    void aBodySentToARouteThatTakesNoneIsRefused413FromItsHeadAndNothingIsCollected() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            // Under the JSON limit, on a public GET: it used to be let in and parked until it came whole.
            RawHttp.Answer answer = client.send("GET /api/fast/1 HTTP/1.1\r\nHost: loa\r\nContent-Length: 4000\r\n\r\n").read();
            assertEquals(413, answer.status(), answer.toString());
            assertTrue(answer.body().contains("\"code\":\"body_too_large\""), answer.body());
            assertEquals("close", answer.header("Connection"));
            client.send(new byte[3999]);
            assertTrue(client.closedWithin(3_000), "the connection ends after the refused body");
        }
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send("GET /api/fast/2 HTTP/1.1\r\nHost: loa\r\nTransfer-Encoding: chunked\r\n\r\n").read();
            assertEquals(413, answer.status(), "a chunked body on a GET: " + answer);
        }
    }

    @Test
    void aBodyThatTricklesIsCutOffAfterTheHeaderTimeoutPlusItsLengthAtTheMinimumRate() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("POST /api/things HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{");
            long started = System.nanoTime();
            boolean closed = false;
            // A byte every 200 ms never lets the idle timeout (800 ms) run out; the body deadline does.
            for (int i = 0; i < 30 && !closed; i++) {
                try {
                    client.send(" ");
                } catch (java.io.IOException reset) {
                    closed = true;
                    break;
                }
                closed = client.closedWithin(200);
            }
            assertTrue(closed, "a trickling body is cut off");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long deadlineMs = HEADER_TIMEOUT_MS + 4000 * 1000 / MIN_BODY_RATE;
            assertTrue(tookMs < deadlineMs + 1_500, "closed after about " + deadlineMs + " ms, took " + tookMs + " ms");
        }
        assertEquals(0, bodiesServed.get());
    }

    @Test
    void bodiesParkedOnManyConnectionsCannotHoldMoreThanTheBudgetAndTheNextIsAnswered503() throws Exception {
        String head = "POST /api/things HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n";
        try (RawHttp first = new RawHttp("127.0.0.11", port); RawHttp second = new RawHttp("127.0.0.12", port);
             RawHttp third = new RawHttp("127.0.0.13", port)) {
            first.send(head);
            second.send(head);
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> http.bodyBytesReserved() == 8_000);
            RawHttp.Answer busy = third.send(head).read();
            assertEquals(503, busy.status(), busy.toString());
            assertTrue(busy.body().contains("\"code\":\"busy\""), busy.body());
            first.send("{" + " ".repeat(3998) + "}");
            assertEquals(201, first.read().status(), "a body within the budget is served");
        }
        try (RawHttp again = new RawHttp(port)) {
            again.send(head).send("{" + " ".repeat(3998) + "}");
            assertEquals(201, again.read().status(), "the budget is given back when bodies end");
        }
    }

    @Test
    void aFourthConnectionFromOneAddressClosesThatAddresssOldestWaitingOneAndIsServed() throws Exception {
        try (RawHttp a = new RawHttp("127.0.0.7", port); RawHttp b = new RawHttp("127.0.0.7", port);
             RawHttp c = new RawHttp("127.0.0.7", port); RawHttp other = new RawHttp("127.0.0.8", port)) {
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> connections.open() == 4);
            try (RawHttp d = new RawHttp("127.0.0.7", port)) {
                assertEquals(200, d.send("GET /api/fast/4 HTTP/1.1\r\nHost: loa\r\n\r\n").read().status(),
                        "the newcomer is served");
                assertTrue(a.closedWithin(2_000), "the oldest connection of that address made room");
            }
            try (RawHttp later = new RawHttp("127.0.0.8", port)) {
                assertEquals(200, later.send("GET /api/fast/5 HTTP/1.1\r\nHost: loa\r\n\r\n").read().status(),
                        "another address is not touched");
            }
            assertEquals(1, connections.evictedForAddress(), "exactly one connection was closed for the cap");
            assertEquals(0, connections.refused());
        }
    }

    @Test
    void anAnswerWrittenJustAsTheConnectionClosesDoesNotFailOnTheEventLoop() {
        io.netty.channel.embedded.EmbeddedChannel channel = new io.netty.channel.embedded.EmbeddedChannel(
                new ConnectionClock(1_000, 1_000, MIN_BODY_RATE),
                new HttpEdge(new Router(), (r, a) -> r, Runnable::run, null, new BodyBudget(1_000)),
                new io.netty.channel.ChannelInboundHandlerAdapter());
        io.netty.channel.ChannelHandlerContext api = channel.pipeline().lastContext();
        HttpEdge.answered(api); // an endpoint thread hands its answer over to the event loop...
        // ...and before the loop gets to it, the client goes away and the closing pipeline forgets its handlers.
        channel.pipeline().remove(HttpEdge.class);
        channel.close();
        channel.checkException();
    }
}
