package vn.loa.server.station;

/** The live outlet of each station, so playout can reach receivers without knowing about sockets. */
public interface StationOutlets {

    /** @return the station's outlet, or null when it has no live connection. */
    ReceiverOutlet outlet(String stationId);
}
