package vn.loa.server.station;

import java.time.Instant;
import java.util.Set;

/**
 * What the server knows of a station at run time. Replaced whole on every change, so a reader never
 * sees half an update.
 *
 * @param connectionId the live connection's number, or 0 when offline; events from an older
 *                     connection that carry another number are ignored.
 */
public record StationPresence(boolean online, long connectionId, Instant lastSeen, Instant connectedSince,
                              String remoteAddress, String firmware, Set<String> capabilities,
                              StationStatus status, String offlineReason) {

    public static final StationPresence NEVER_SEEN =
            new StationPresence(false, 0, null, null, null, null, Set.of(), null, "never connected");

    public StationPresence {
        capabilities = Set.copyOf(capabilities);
    }

    StationPresence heard(Instant at) {
        return new StationPresence(online, connectionId, at, connectedSince, remoteAddress, firmware, capabilities,
                status, offlineReason);
    }

    StationPresence withStatus(StationStatus newStatus) {
        return new StationPresence(online, connectionId, newStatus.reportedAt(), connectedSince, remoteAddress,
                firmware, capabilities, newStatus, offlineReason);
    }

    /** Keeps the last status and lastSeen: a technician wants to know how things were when it dropped. */
    StationPresence offline(String reason) {
        return new StationPresence(false, 0, lastSeen, null, remoteAddress, firmware, capabilities, status, reason);
    }
}
