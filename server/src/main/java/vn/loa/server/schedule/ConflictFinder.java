package vn.loa.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.server.broadcast.BroadcastPlanner;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.BroadcastPlan;

/**
 * Finds existing entries that would overlap a new one: the same priority class, some of the same
 * stations, airings whose programmes overlap in time within the next 35 days.
 */
final class ConflictFinder {
    private static final Duration HORIZON = Duration.ofDays(35);
    private static final int MAX_AIRINGS = 500;
    private final BroadcastPlanner planner;

    ConflictFinder(BroadcastPlanner planner) {
        this.planner = planner;
    }

    List<ScheduleConflict> find(BroadcastPlan plan, Recurrence recurrence, ZoneId zone, List<ScheduleEntry> existing,
                                Instant now) {
        Instant end = now.plus(HORIZON);
        List<Instant> mine = recurrence.airTimes(zone, now, end, MAX_AIRINGS);
        long myLength = plan.programme().durationMillis();
        List<ScheduleConflict> out = new ArrayList<>();
        for (ScheduleEntry other : existing) {
            BroadcastPlanner.Outline theirs;
            try {
                theirs = planner.outline(other.broadcast());
            } catch (PlanException e) {
                continue; // an entry that can no longer air cannot clash
            }
            if (theirs.priority() != plan.priority()) {
                continue;
            }
            Set<String> shared = new TreeSet<>(theirs.stations());
            shared.retainAll(plan.stations());
            if (shared.isEmpty()) {
                continue;
            }
            Instant overlap = firstOverlap(mine, myLength,
                    other.recurrence().airTimes(ZoneId.of(other.timeZone()), now, end, MAX_AIRINGS),
                    theirs.durationMillis());
            if (overlap != null) {
                out.add(new ScheduleConflict(other.id(), other.title(), overlap, List.copyOf(shared)));
            }
        }
        return out;
    }

    private static Instant firstOverlap(List<Instant> a, long aLength, List<Instant> b, long bLength) {
        Instant first = null;
        for (Instant x : a) {
            for (Instant y : b) {
                boolean overlaps = x.isBefore(y.plusMillis(bLength)) && y.isBefore(x.plusMillis(aLength));
                if (overlaps) {
                    Instant start = x.isAfter(y) ? x : y;
                    first = first == null || start.isBefore(first) ? start : first;
                }
            }
        }
        return first;
    }
}
