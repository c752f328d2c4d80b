package vn.loa.server.station;

/** Told when a station's authenticated connection starts or ends. Must return at once: it runs on network threads. */
public interface PresenceListener {
    void online(String stationId);

    void offline(String stationId);

    /** A STATUS report arrived; {@code previous} is null for the first one of a connection. */
    default void statusReported(String stationId, StationStatus previous, StationStatus current) {
    }
}
