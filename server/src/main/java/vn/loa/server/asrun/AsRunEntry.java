package vn.loa.server.asrun;

import java.time.Instant;

/**
 * One line of the as-run log: what happened on which station to which session, where in the
 * programme, and why. Offsets are milliseconds from the start of the programme and of the item.
 */
public record AsRunEntry(Instant time, String station, long session, String title, String priority, String event,
                         Long offsetMs, String item, Long itemOffsetMs, String reason) {

    /** Event names, as written. */
    public static final String STARTED = "STARTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String PREEMPTED = "PREEMPTED";
    public static final String QUEUED = "QUEUED";
    public static final String RESUMED = "RESUMED";
    public static final String RESTARTED = "RESTARTED";
    public static final String DROPPED = "DROPPED";
    public static final String CANCELLED = "CANCELLED";
    public static final String SKIPPED = "SKIPPED";
    public static final String LINK_LOST = "LINK_LOST";
    public static final String REJOINED = "REJOINED";
    /** A scheduled firing missed while the server was down, not played (policy SKIP, or too late). */
    public static final String MISSED = "MISSED";
    /** A missed firing played late, within its GRACE window. */
    public static final String LATE = "LATE";
    /** A missed firing joined in progress at the offset wall-clock time implies (policy JOIN). */
    public static final String JOINED = "JOINED";
    /** The server stopped while this session aired; the reason says whether it was put back on air. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** A scheduled firing not played on this station because it fell in the station's quiet hours. */
    public static final String QUIET = "QUIET";

    /** Why, as a stable code for the console ({@code reason.<CODE>}); null when there is no reason. */
    @com.fasterxml.jackson.annotation.JsonProperty("reasonCode")
    public String reasonCode() {
        return ReasonCodes.of(reason);
    }
}
