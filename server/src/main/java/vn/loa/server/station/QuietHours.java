package vn.loa.server.station;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The hours a commune's loudspeakers stay silent for automatic programmes (22:00-05:00 by default).
 * The window may wrap midnight; {@link #NONE} has no quiet hours at all.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(5, 0));

    public boolean contains(LocalTime t) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** "22:00-05:00", or "none". */
    public static QuietHours parse(String text) {
        if (text.equalsIgnoreCase("none")) {
            return NONE;
        }
        String[] parts = text.split("-");
        try {
            if (parts.length == 2) {
                return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("quiet hours must look like 22:00-05:00 or be none, not '" + text + "'");
    }

    @Override
    public String toString() {
        return equals(NONE) ? "none" : from + "-" + to;
    }
}
