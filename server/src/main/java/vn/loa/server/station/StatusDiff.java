package vn.loa.server.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * What changed between two STATUS reports in the fields a technician acts on. Counters that move on
 * every heartbeat (uptime, buffer, temperature, signal) are left out, or the history would be all noise.
 */
public final class StatusDiff {
    private record Field(String name, Function<StationStatus, Object> value) {
    }

    private record Flag(String name, Predicate<StationStatus> on) {
    }

    private static final List<Field> SETTINGS = List.of(
            new Field("volume", StationStatus::volume),
            new Field("muted", StationStatus::muted),
            new Field("amplifierOn", StationStatus::amplifierOn),
            new Field("testTone", StationStatus::testTonePlaying),
            new Field("link", StationStatus::link));
    private static final List<Flag> FAULTS = List.of(
            new Flag("speakerLineFault", StationStatus::speakerLineFault),
            new Flag("amplifierFault", StationStatus::amplifierFault));

    private StatusDiff() {
    }

    /**
     * "volume 40→60, muted false→true"; for the first report of a connection, every setting as it is
     * ("volume 40, muted false, ..."); null when nothing moved.
     */
    public static String settings(StationStatus before, StationStatus after) {
        List<String> parts = new ArrayList<>();
        for (Field f : SETTINGS) {
            Object now = f.value().apply(after);
            if (before == null) {
                parts.add(f.name() + " " + now);
            } else if (!Objects.equals(f.value().apply(before), now)) {
                parts.add(f.name() + " " + f.value().apply(before) + "→" + now);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Fault flags on now that were not on before (a first report counts as "before: none"). */
    static String faultsRaised(StationStatus before, StationStatus after) {
        return flags(after, before);
    }

    /** Fault flags that were on before and are off now. */
    static String faultsCleared(StationStatus before, StationStatus after) {
        return before == null ? null : flags(before, after);
    }

    private static String flags(StationStatus onIn, StationStatus offIn) {
        List<String> names = new ArrayList<>();
        for (Flag f : FAULTS) {
            if (f.on().test(onIn) && (offIn == null || !f.on().test(offIn))) {
                names.add(f.name());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
