package vn.loa.server.station;

import java.time.Instant;

/**
 * One line of a station's history.
 *
 * @param kind   ONLINE, OFFLINE, CHANGE (a setting moved), FAULT (a fault flag came on), RECOVERED, or
 *               COALESCED (how many rows of one minute were over the station's budget and not kept singly)
 * @param detail for people: the address it connected from, why it dropped, or what changed from what to what
 */
public record StationEvent(Instant at, String station, String kind, String detail) {
    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";
    public static final String CHANGE = "CHANGE";
    public static final String FAULT = "FAULT";
    public static final String RECOVERED = "RECOVERED";
    public static final String COALESCED = "COALESCED";

    /** For an OFFLINE line, why the link dropped as a stable code ({@code reason.<CODE>}); else null. */
    @com.fasterxml.jackson.annotation.JsonProperty("reasonCode")
    public String reasonCode() {
        return OFFLINE.equals(kind) ? vn.loa.server.asrun.ReasonCodes.of(detail) : null;
    }
}
