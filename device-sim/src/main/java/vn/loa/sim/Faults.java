package vn.loa.sim;

/**
 * Fault injection for the receivers it applies to. Durations in milliseconds; 0 means the fault is off.
 *
 * @param dropAfterMs      close the link this long after each login, then reconnect
 * @param freezeAfterMs    go silent this long after login: no frames out, no reconnect, like a dead 4G modem
 * @param freezeForMs      how long a freeze lasts before the receiver reconnects
 * @param latencyMs        delay every frame, both ways, by this much
 * @param jitterMs         plus a random extra of up to this much (order is kept, as TCP would)
 * @param readBytesPerSecond read from the socket at most this fast
 * @param wrongSecret      sign AUTH with a wrong key
 * @param garbageAfterMs   send bytes that are not a frame this long after login
 * @param share            fraction of the stations the faults apply to, 0..1
 */
public record Faults(long dropAfterMs, long freezeAfterMs, long freezeForMs, long latencyMs, long jitterMs,
                     long readBytesPerSecond, boolean wrongSecret, long garbageAfterMs, double share) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, false, 0, 1.0);

    public Faults {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("fault share must be 0..1, got " + share);
        }
    }

    public boolean delays() {
        return latencyMs > 0 || jitterMs > 0;
    }

    /** Stable choice per station, so the same stations are faulty in every run. */
    public boolean appliesTo(String stationId) {
        return share >= 1 || (Math.floorMod(stationId.hashCode(), 10_000) < share * 10_000);
    }

    public Faults withWrongSecret() {
        return new Faults(dropAfterMs, freezeAfterMs, freezeForMs, latencyMs, jitterMs, readBytesPerSecond, true,
                garbageAfterMs, share);
    }

    public Faults withGarbageAfter(long ms) {
        return new Faults(dropAfterMs, freezeAfterMs, freezeForMs, latencyMs, jitterMs, readBytesPerSecond,
                wrongSecret, ms, share);
    }
}
