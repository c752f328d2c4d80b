package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import vn.loa.server.audit.AuditLog;

/** GET /api/audit: who did what, newest first. */
public final class AuditApi {
    private final AuditLog audit;

    public AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/audit", Endpoint.sync(r -> ApiResponse.ok(audit.query(r.param("actor"),
                r.param("action"), Params.instant(r, "from"), Params.instant(r, "to"), Params.limit(r, 1_000, 10_000)))));
    }
}
