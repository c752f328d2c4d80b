package vn.loa.server.audit;

import java.time.Instant;

/**
 * One act through the API.
 *
 * @param actor   the user who acted ("anonymous" before authentication is configured)
 * @param address where the request came from
 * @param action  method and path, e.g. "POST /api/broadcasts"
 * @param target  what it acted on, when the response names it (a session or entry id)
 * @param status  the HTTP status it ended with; refusals are audited as well as successes
 * @param detail  the request body with secrets masked, or the reason it was refused
 */
public record AuditEntry(Instant at, String actor, String address, String action, String target, int status,
                         String detail) {
}
