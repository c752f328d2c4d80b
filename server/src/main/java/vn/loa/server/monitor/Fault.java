package vn.loa.server.monitor;

import java.time.Instant;

/** A station problem a technician must see: SPEAKER_LINE, AMPLIFIER or OFFLINE, since when, and why. */
public record Fault(String station, String kind, Instant since, String detail) {
    public static final String SPEAKER_LINE = "SPEAKER_LINE";
    public static final String AMPLIFIER = "AMPLIFIER";
    public static final String OFFLINE = "OFFLINE";
}
