package vn.loa.server.schedule;

import java.time.Duration;
import vn.loa.server.broadcast.PlanException;

/**
 * What becomes of a firing that was missed while the server was down, chosen per entry: SKIP it,
 * play it late within a GRACE window, or JOIN it in progress at the point wall-clock time implies.
 */
public record Misfire(Policy policy, Integer graceMinutes) {

    public enum Policy { SKIP, GRACE, JOIN }

    public static final Misfire SKIP = new Misfire(Policy.SKIP, null);

    public Misfire {
        if (policy == null) {
            throw new PlanException("invalid_request", "misfire.policy must be SKIP, GRACE or JOIN");
        }
        if (policy == Policy.GRACE && (graceMinutes == null || graceMinutes < 1 || graceMinutes > 24 * 60)) {
            throw new PlanException("invalid_request", "misfire.graceMinutes must be 1..1440 for policy GRACE");
        }
    }

    Duration grace() {
        return Duration.ofMinutes(graceMinutes == null ? 0 : graceMinutes);
    }
}
