package vn.loa.server.broadcast;

import java.time.Instant;

/**
 * A session as the journal keeps it.
 *
 * @param origin    who started it: "api", "schedule 12", "resume of 1763791200000001", ...
 * @param state     PENDING (accepted for a later air time, journaled, not yet on air), ACTIVE, ENDED, CANCELLED, RESUMED (put back on air after a restart as {@code resumedAs})
 *                  or INTERRUPTED (the server stopped while it aired and it was over by the restart), or
 *                  UNAIRED (a schedule entry's session still held when the server stopped, left to the
 *                  entry's misfire policy)
 */
public record SessionRecord(long id, Instant createdAt, Instant audibleAt, String title, String priority,
                            long durationMs, BroadcastRequest request, String origin, String state, Instant endedAt,
                            Long resumedAs) {
    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    public static final String CANCELLED = "CANCELLED";
    public static final String RESUMED = "RESUMED";
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String UNAIRED = "UNAIRED";
}
