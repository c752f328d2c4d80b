package vn.loa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.audit.AuditDetail;
import vn.loa.server.audit.AuditEntry;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.store.StorageFault;

/**
 * Decides which requests enter the audit and when. Everything that could change something (any method
 * but GET and HEAD) is written ahead: its row is committed before the endpoint runs and its outcome before
 * the answer leaves, so a client that hears 2xx knows the row exists; if the row cannot be written, the
 * change is not made (503). Refusals for lack of rights (401, 403, 429) are audited whatever the method,
 * because probing is worth knowing about; they change nothing, so they are appended after the answer.
 */
public final class ApiAuditor {
    private static final Logger log = LoggerFactory.getLogger(ApiAuditor.class);
    private final AuditLog audit;
    private final Clock clock;

    public ApiAuditor(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs the endpoint with its audit row written ahead (for changes); never fails, every fault is an answer. */
    CompletableFuture<ApiResponse> serve(ApiRequest request, Endpoint endpoint) {
        if (reading(request)) {
            return read(request, endpoint).thenApply(answer -> {
                answered(request, answer);
                return answer;
            });
        }
        long row;
        String detail = AuditDetail.of(request.contentType(), request.body());
        try {
            row = audit.begin(new AuditEntry(clock.instant(), request.actor(), request.remoteAddress(), action(request),
                    null, 0, detail));
        } catch (SQLException | RuntimeException e) {
            log.error("Refusing {}: its audit row cannot be written: {}", action(request), e.toString());
            if (StorageFault.of(e).isPresent()) { // a full disk (507) or a lost database (503), in the store's words
                ApiResponse refused = ApiHandler.toResponse(request, e);
                // The refusal is audited too: its row waits in the audit writer, which holds rows through
                // a storage fault and writes them once the store heals, rather than being lost with the call.
                audit.record(new AuditEntry(clock.instant(), request.actor(), request.remoteAddress(), action(request),
                        null, refused.status().code(), detail));
                return CompletableFuture.completedFuture(refused);
            }
            return CompletableFuture.completedFuture(ApiHandler.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "audit_unavailable", "the audit cannot be written just now, so nothing was changed; try again later"));
        }
        return run(request, endpoint).thenCompose(answer -> {
            JsonNode body = tree(answer);
            return audit.complete(row, answer.status().code(), target(body), refusal(answer, body))
                    .handle((done, failure) -> {
                        if (failure != null) {
                            log.error("The outcome of audit row {} was not written; it will read 'unknown'", row);
                        }
                        return answer;
                    });
        });
    }

    private static CompletableFuture<ApiResponse> run(ApiRequest request, Endpoint endpoint) {
        return attempt(request, endpoint).handle((ok, failure) -> ok != null ? ok : ApiHandler.toResponse(request, failure));
    }

    /**
     * A read that met a storage fault is tried once more: H2 closes itself after a write the disk
     * refused and reopens on fresh connections (the store evicts the dead ones as it notices), so the
     * second try usually reads. If it fails too, the answer is 503 with Retry-After, never 507: a read
     * changes nothing, so a full disk is no reason to refuse it (see {@link ApiHandler#toResponse}).
     */
    private static CompletableFuture<ApiResponse> read(ApiRequest request, Endpoint endpoint) {
        return attempt(request, endpoint).handle((ok, failure) -> {
            if (ok != null) {
                return CompletableFuture.completedFuture(ok);
            }
            if (StorageFault.of(failure).isEmpty()) {
                return CompletableFuture.completedFuture(ApiHandler.toResponse(request, failure));
            }
            log.debug("{} met a storage fault ({}); reading once more", action(request), failure.toString());
            return run(request, endpoint);
        }).thenCompose(java.util.function.Function.identity());
    }

    private static CompletableFuture<ApiResponse> attempt(ApiRequest request, Endpoint endpoint) {
        try {
            return endpoint.handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Appends the row of a request answered without running a change: a refusal, or a read refused rights. */
    void answered(ApiRequest request, ApiResponse response) {
        int status = response.status().code();
        if (reading(request) && status != 401 && status != 403 && status != 429) {
            return;
        }
        JsonNode body = tree(response);
        String detail = refusal(response, body);
        audit.record(new AuditEntry(clock.instant(), request.actor(), request.remoteAddress(), action(request),
                target(body), status, detail != null ? detail : AuditDetail.of(request.contentType(), request.body())));
    }

    private static boolean reading(ApiRequest request) {
        return request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
    }

    private static String action(ApiRequest request) {
        return request.method() + " " + request.path();
    }

    private static JsonNode tree(ApiResponse response) {
        return response.body() == null || response.body() instanceof RawBody ? null : Json.MAPPER.valueToTree(response.body());
    }

    private static String target(JsonNode body) {
        JsonNode id = body == null ? null : body.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    private static String refusal(ApiResponse response, JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        return response.status().code() >= 400 && error != null ? error.asText() : null;
    }
}
