package vn.loa.server.schedule;

import java.time.Instant;
import java.util.List;
import vn.loa.server.broadcast.BroadcastRequest;

/**
 * A schedule entry as /api/schedules shows it, with the next time it will air (null: never again) and,
 * when it was just made or replaced, warnings such as an airtime cap exceeded.
 */
public record ScheduleView(long id, String title, BroadcastRequest broadcast, Recurrence recurrence, String timeZone,
                           Instant validFrom, Instant validUntil, Misfire misfire, SameClass sameClass,
                           Instant createdAt, Instant nextFire, List<String> warnings) {
}
