package vn.loa.server.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import vn.loa.protocol.Priority;

/**
 * A validated request to broadcast: what to play, where, at what class, and what becomes of it when
 * something higher cuts in.
 *
 * @param resumeDeadline after this instant a cut session is dropped instead of resumed; null: no limit
 * @param maxDuration    a station is released after this long whatever happens, so nothing holds it forever
 * @param forceVolume    0-100 to force amplifier and volume on receivers (emergencies), 255 to leave them
 * @param placement      where it goes among sessions of its own class
 * @param maxWait        when queued behind its own class: cut in after this long; null waits its turn
 */
public record BroadcastPlan(String title, Programme programme, Set<String> stations, Priority priority,
                            IssuerLevel issuer, PreemptPolicy onPreempt, Instant resumeDeadline,
                            Duration maxDuration, int forceVolume, Placement placement, Duration maxWait) {

    public BroadcastPlan {
        stations = Set.copyOf(stations);
        placement = placement == null ? Placement.QUEUE : placement;
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("a broadcast needs at least one target station");
        }
    }

    public BroadcastPlan onlyOn(Set<String> subset) {
        return new BroadcastPlan(title, programme, subset, priority, issuer, onPreempt, resumeDeadline, maxDuration,
                forceVolume, placement, maxWait);
    }

    /** The same plan with another placement and wait, as a schedule entry's own-class setting asks. */
    public BroadcastPlan placed(Placement newPlacement, Duration newMaxWait) {
        return new BroadcastPlan(title, programme, stations, priority, issuer, onPreempt, resumeDeadline, maxDuration,
                forceVolume, newPlacement, newMaxWait);
    }
}
