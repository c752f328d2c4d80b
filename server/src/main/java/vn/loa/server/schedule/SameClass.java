package vn.loa.server.schedule;

import java.time.Duration;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.playout.Placement;

/**
 * What an entry does at its instant when a session of its own class is on air there: CUT it, start
 * NEXT (right after it), or WAIT at most that many seconds for it to end, then cut. A lower class is
 * always cut and a higher one always waited for, whatever this says.
 */
public record SameClass(Policy policy, Integer waitSeconds) {

    public enum Policy { CUT, NEXT, WAIT }

    public static final SameClass CUT = new SameClass(Policy.CUT, null);

    public SameClass {
        if (policy == null) {
            throw new PlanException("invalid_request", "sameClass.policy must be CUT, NEXT or WAIT");
        }
        if (policy == Policy.WAIT && (waitSeconds == null || waitSeconds < 1 || waitSeconds > 3600)) {
            throw new PlanException("invalid_request", "sameClass.waitSeconds must be 1..3600 for policy WAIT");
        }
    }

    Placement placement() {
        return switch (policy) {
            case CUT -> Placement.NOW;
            case NEXT -> Placement.NEXT;
            case WAIT -> Placement.QUEUE;
        };
    }

    Duration maxWait() {
        return policy == Policy.WAIT ? Duration.ofSeconds(waitSeconds) : null;
    }
}
