package vn.loa.server.playout;

import java.util.Comparator;
import vn.loa.protocol.Priority;

/**
 * Who gets a station (Circular 39 classes): the higher class; within a class an operator's "now" or
 * "next" first, then the higher issuing level, then first come first served, except EMERGENCY where the
 * newest alert is the one that matters. "Now" cuts in on its own class; "next" waits for the current one.
 */
final class Rank {
    /** Best first. */
    static final Comparator<Broadcast> BEST_FIRST = Comparator
            .comparing((Broadcast b) -> b.plan().priority()).reversed()
            .thenComparing((Broadcast b) -> b.plan().placement() != Placement.QUEUE ? 0 : 1)
            .thenComparing((Broadcast b) -> b.plan().issuer(), Comparator.reverseOrder())
            .thenComparing(Rank::arrivalOrder);

    private Rank() {
    }

    /** Whether {@code challenger} takes the station from {@code holder}. */
    static boolean preempts(Broadcast challenger, Broadcast holder) {
        Placement placement = challenger.plan().placement();
        if (placement == Placement.NEXT) {
            return challenger.plan().priority().compareTo(holder.plan().priority()) > 0;
        }
        if (placement == Placement.NOW) {
            return challenger.plan().priority().compareTo(holder.plan().priority()) >= 0;
        }
        return BEST_FIRST.compare(challenger, holder) < 0;
    }

    private static long arrivalOrder(Broadcast b) {
        return b.plan().priority() == Priority.EMERGENCY ? -b.arrival() : b.arrival();
    }
}
