package vn.loa.server.audit;

import java.time.Instant;

/**
 * One act through the API.
 *
 * @param actor   the user who acted ("anonymous" before authentication is configured)
 * @param address where the request came from
 * @param action  method and path, e.g. "POST /api/broadcasts"
 * @param target  what it acted on, when the response names it (a session or entry id)
 * @param status  the HTTP status it ended with; refusals are audited as well as successes; 0 while pending
 * @param detail  the request body with secrets masked, or the reason it was refused
 * @param outcome "done"; "pending" while the change is being made; "unknown" when a crash came between
 *                the row and its outcome, so the change may or may not have been made
 */
public record AuditEntry(Instant at, String actor, String address, String action, String target, int status,
                         String detail, String outcome) {

    public static final String DONE = "done";
    public static final String PENDING = "pending";
    public static final String UNKNOWN = "unknown";

    /** A finished act: its outcome is the status. */
    public AuditEntry(Instant at, String actor, String address, String action, String target, int status, String detail) {
        this(at, actor, address, action, target, status, detail, DONE);
    }
}
