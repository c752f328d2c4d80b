package vn.loa.server.station;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * At most so many history rows per station and clock minute. Rows beyond that are not stored one by
 * one but counted, by kind, and summed up in one {@link StationEvent#COALESCED} row once the minute is
 * over: a receiver that reports a change many times a second (a loose volume knob, or an attacker with
 * a valid secret) costs the database a bounded number of rows, and a technician still sees that it did.
 */
final class HistoryBudget {
    private final int rowsPerMinute;
    private final LongConsumer coalesced;
    private final Map<String, Window> windows = new HashMap<>();

    /** One station's current minute: rows written, rows held back by kind, the last one held back. */
    private static final class Window {
        final Instant minute;
        int written;
        final Map<String, Integer> heldBack = new TreeMap<>();
        StationEvent lastHeldBack;

        Window(Instant minute) {
            this.minute = minute;
        }

        int heldBackTotal() {
            return heldBack.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** @param coalesced told how many rows each summary stands for (the /metrics counter) */
    HistoryBudget(int rowsPerMinute, LongConsumer coalesced) {
        this.rowsPerMinute = rowsPerMinute;
        this.coalesced = coalesced;
    }

    /** @return the rows to store now: the summary of the station's previous minute if due, then this row if within budget */
    synchronized List<StationEvent> admit(StationEvent event) {
        Instant minute = event.at().truncatedTo(ChronoUnit.MINUTES);
        List<StationEvent> rows = new ArrayList<>(2);
        Window w = windows.get(event.station());
        if (w == null || !w.minute.equals(minute)) {
            if (w != null && w.heldBackTotal() > 0) {
                rows.add(summary(event.station(), w));
            }
            w = new Window(minute);
            windows.put(event.station(), w);
        }
        if (w.written < rowsPerMinute) {
            w.written++;
            rows.add(event);
        } else {
            w.heldBack.merge(event.kind(), 1, Integer::sum);
            w.lastHeldBack = event;
        }
        return rows;
    }

    /** The summaries of minutes that ended before {@code now}; those windows are forgotten. */
    synchronized List<StationEvent> endedBefore(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<StationEvent> rows = new ArrayList<>();
        windows.values().removeIf(w -> {
            if (!w.minute.isBefore(minute)) {
                return false;
            }
            if (w.heldBackTotal() > 0) {
                rows.add(summary(w.lastHeldBack.station(), w));
            }
            return true;
        });
        return rows;
    }

    /** Every open window's summary, for shutdown. */
    synchronized List<StationEvent> drain() {
        return endedBefore(Instant.MAX.truncatedTo(ChronoUnit.MINUTES));
    }

    private StationEvent summary(String station, Window w) {
        int total = w.heldBackTotal();
        coalesced.accept(total);
        return new StationEvent(w.minute.plus(1, ChronoUnit.MINUTES), station, StationEvent.COALESCED,
                total + " more rows in the minute from " + w.minute + " than the " + rowsPerMinute
                        + " kept, by kind " + w.heldBack + "; the last: " + w.lastHeldBack.kind() + " "
                        + w.lastHeldBack.detail());
    }
}
