package vn.loa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import vn.loa.server.audit.AuditDetail;
import vn.loa.server.audit.AuditEntry;
import vn.loa.server.audit.AuditLog;

/**
 * Decides which answered requests enter the audit: everything that could change something (any method
 * but GET and HEAD), and every refusal for lack of rights (401, 403) whatever the method, because
 * probing is worth knowing about.
 */
public final class ApiAuditor {
    private final AuditLog audit;
    private final Clock clock;

    public ApiAuditor(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void answered(ApiRequest request, ApiResponse response) {
        int status = response.status().code();
        boolean reading = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        if (reading && status != 401 && status != 403) {
            return;
        }
        JsonNode body = response.body() == null ? null : Json.MAPPER.valueToTree(response.body());
        JsonNode id = body == null ? null : body.get("id");
        JsonNode error = body == null ? null : body.get("error");
        String detail = status >= 400 && error != null ? error.asText() : AuditDetail.of(request.contentType(), request.body());
        audit.record(new AuditEntry(clock.instant(), request.actor(), request.remoteAddress(),
                request.method() + " " + request.path(), id == null || id.isNull() ? null : id.asText(), status, detail));
    }
}
