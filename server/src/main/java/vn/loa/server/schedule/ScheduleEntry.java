package vn.loa.server.schedule;

import java.time.Instant;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * A programme entry: what to broadcast, when it recurs, in which time zone, between which dates, and
 * what to do with a firing missed while the server was down.
 */
public record ScheduleEntry(long id, String title, BroadcastRequest broadcast, Recurrence recurrence, String timeZone,
                            Instant validFrom, Instant validUntil, Misfire misfire, SameClass sameClass,
                            Instant createdAt) {

    ScheduleEntry withId(long newId) {
        return new ScheduleEntry(newId, title, broadcast, recurrence, timeZone, validFrom, validUntil, misfire, sameClass,
                createdAt);
    }
}
