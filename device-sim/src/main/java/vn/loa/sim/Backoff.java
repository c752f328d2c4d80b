package vn.loa.sim;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter (docs/protocol.md, "Liveness"): attempt k waits a random time in
 * [0, min(max, base * 2^k)], so thousands of receivers do not hit a restarted server in the same instant.
 */
public final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private int attempt;

    public Backoff(long baseMs, long maxMs) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
    }

    public long nextDelayMs() {
        long ceiling = Math.min(maxMs, baseMs << Math.min(attempt, 20));
        attempt++;
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    public int attempts() {
        return attempt;
    }

    public long maxMs() {
        return maxMs;
    }

    public void reset() {
        attempt = 0;
    }
}
