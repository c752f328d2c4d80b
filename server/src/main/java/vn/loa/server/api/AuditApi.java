package vn.loa.server.api;

import io.netty.handler.codec.http.HttpMethod;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Access;

/** GET /api/audit: who did what, newest first. */
public final class AuditApi {
    private final AuditLog audit;

    public AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    public void register(Router router) {
        router.add(HttpMethod.GET, "/api/audit", Access.ADMIN, Endpoint.sync(r -> ApiResponse.ok(audit.query(r.param("actor"),
                r.param("action"), Params.instant(r, "from"), Params.instant(r, "to"), Params.limit(r, 1_000, 10_000)))));
    }
}
