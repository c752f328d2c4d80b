package vn.loa.server.station;

/** Told when a station's authenticated connection starts or ends. Must return at once: it runs on network threads. */
public interface PresenceListener {
    void online(String stationId);

    void offline(String stationId);
}
