package vn.loa.sim;

/**
 * Picks the receiver's estimate of the server clock from its recent TIME_SYNC exchanges, as NTP
 * clients do: the sample with the shortest round trip is the one whose reply was least delayed on one
 * leg only, so its offset is the most trustworthy. Taking each sample as it comes lets one exchange
 * that queued for a second behind audio on a busy link move the whole playout clock by half that.
 */
final class ClockFilter {
    static final int SAMPLES = 8;
    private final long[] offsets = new long[SAMPLES];
    private final long[] roundTrips = new long[SAMPLES];
    private int count;
    private int next;

    /** Adds one exchange and returns the offset to use from now on. */
    long add(long offsetMicros, long roundTripMicros) {
        offsets[next] = offsetMicros;
        roundTrips[next] = Math.max(0, roundTripMicros);
        next = (next + 1) % SAMPLES;
        count = Math.min(SAMPLES, count + 1);
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (roundTrips[i] < roundTrips[best]) {
                best = i;
            }
        }
        return offsets[best];
    }
}
