package vn.loa.server.station;

import java.util.concurrent.CompletableFuture;

/** The live outlet of each station, so playout can reach receivers without knowing about sockets. */
public interface StationOutlets {

    /** @return the station's outlet, or null when it has no live connection. */
    ReceiverOutlet outlet(String stationId);

    /** A new round of sends: see {@link SendRound}. */
    SendRound round();

    /**
     * Completes once every write handed to any outlet before this call has been passed on to the
     * network, so work that can wait (logging what aired) does not compete with audio still leaving.
     */
    default CompletableFuture<Void> afterQueuedWrites() {
        return CompletableFuture.completedFuture(null);
    }
}
