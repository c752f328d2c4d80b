package vn.loa.server.monitor;

import java.time.Instant;

/**
 * One thing the console should know at once.
 *
 * @param type    station.online, station.offline, station.status, nowplaying, fault.raised, fault.cleared, alert
 * @param station the station it concerns, or null (alerts); used to keep each viewer to their scope
 * @param data    the details, serialised as JSON
 */
public record LiveEvent(long id, String type, String station, Instant at, Object data) {
}
