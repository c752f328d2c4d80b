package vn.loa.server.schedule;

import java.time.Instant;
import java.util.List;

/** An existing entry of the same class that would be on air on some of the same stations at the same time. */
public record ScheduleConflict(long schedule, String title, Instant firstOverlap, List<String> stations) {

    /** Raised when an entry is made over others without the operator's leave; the API answers 409. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<ScheduleConflict> conflicts;

        public Refused(List<ScheduleConflict> conflicts) {
            super("the entry overlaps " + conflicts.size() + " other entr" + (conflicts.size() == 1 ? "y" : "ies")
                    + " of the same class on the same stations; send \"allowConflicts\": true to keep it anyway", null,
                    false, false);
            this.conflicts = List.copyOf(conflicts);
        }

        public List<ScheduleConflict> conflicts() {
            return conflicts;
        }
    }
}
