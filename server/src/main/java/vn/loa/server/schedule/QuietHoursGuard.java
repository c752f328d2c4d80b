package vn.loa.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.protocol.Priority;
import vn.loa.server.playout.BroadcastPlan;
import vn.loa.server.station.QuietHours;
import vn.loa.server.station.StationDirectory;

/**
 * Applies the communes' air rules to automatic programmes. Quiet hours: an entry whose coming air times fall in the
 * quiet hours of any of its stations is refused when made; a firing that lands in them anyway (the
 * configuration changed) skips those stations. EMERGENCY is never held back.
 */
public final class QuietHoursGuard {
    /** How far ahead air times are checked when an entry is made: a month covers every recurrence kind. */
    private static final Duration HORIZON = Duration.ofDays(35);
    private static final int MAX_CHECKED = 200;
    private final StationDirectory directory;
    private final QuietHours fallback;
    private final ZoneId localZone;

    public QuietHoursGuard(StationDirectory directory, QuietHours fallback, ZoneId localZone) {
        this.directory = directory;
        this.fallback = fallback;
        this.localZone = localZone;
    }

    /**
     * The refusal naming the first clash ({@code quiet_hours} with the window, the air time and a station),
     * or null when the entry never airs in quiet hours.
     */
    vn.loa.server.broadcast.PlanException clash(BroadcastPlan plan, Recurrence recurrence, ZoneId zone, Instant now) {
        if (plan.priority() == Priority.EMERGENCY) {
            return null;
        }
        for (Instant air : recurrence.airTimes(zone, now, now.plus(HORIZON), MAX_CHECKED)) {
            Set<String> quiet = quietAt(plan, air);
            if (!quiet.isEmpty()) {
                String station = quiet.iterator().next();
                QuietHours hours = directory.quietHours(station, fallback);
                java.time.ZonedDateTime local = air.atZone(localZone);
                java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
                return new vn.loa.server.broadcast.PlanException("quiet_hours", "quiet hours: it would air at "
                        + local.toLocalDateTime() + " local time, inside the quiet hours (" + hours + ") of " + quiet.size()
                        + " station(s), e.g. " + station + "; EMERGENCY entries are the only ones allowed then")
                        .with("from", hm.format(hours.from())).with("to", hm.format(hours.to()))
                        .with("at", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(local))
                        .with("station", directory.station(station).map(s -> s.name()).orElse(station))
                        .with("count", quiet.size());
            }
        }
        return null;
    }

    /** Warnings for stations whose area caps a session's airtime below this programme's length. */
    List<String> airtimeWarnings(BroadcastPlan plan) {
        long minutes = (plan.programme().durationMillis() + 59_999) / 60_000;
        Set<String> over = new TreeSet<>();
        Integer cap = null;
        for (String station : plan.stations()) {
            Integer c = directory.airtimeCapMinutes(station);
            if (c != null && plan.programme().durationMillis() > c * 60_000L) {
                over.add(station);
                cap = c;
            }
        }
        return over.isEmpty() ? List.of() : List.of("the programme lasts about " + minutes + " min, over the airtime cap of "
                + cap + " min set for " + over.size() + " station(s), e.g. " + over.iterator().next());
    }

    /** The stations of the plan whose quiet hours contain {@code air}; none for EMERGENCY. */
    Set<String> quietAt(BroadcastPlan plan, Instant air) {
        Set<String> quiet = new TreeSet<>();
        if (plan.priority() == Priority.EMERGENCY) {
            return quiet;
        }
        LocalTime local = air.atZone(localZone).toLocalTime();
        for (String station : plan.stations()) {
            if (directory.quietHours(station, fallback).contains(local)) {
                quiet.add(station);
            }
        }
        return quiet;
    }
}
